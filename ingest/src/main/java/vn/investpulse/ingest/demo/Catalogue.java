package vn.investpulse.ingest.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.investpulse.ingest.demo.DemoData.Investor;
import vn.investpulse.ingest.demo.DemoData.Weighted;

/** The names and shares the demo draws from: investors by country, zones, VSIC sectors. */
final class Catalogue {

    private Catalogue() {
    }

    /** Foreign investors; a country appears as often as its share of Hai Phong's FDI projects. */
    static final List<Investor> FDI_INVESTORS = investors(Map.of(
            "KR", List.of("LG Display Co., Ltd.", "LG Electronics Inc.", "LG Innotek Co., Ltd.", "Seyoung Co., Ltd.",
                    "HKT Electronics Co., Ltd.", "Kyungnam Chemical Co., Ltd.", "Youngjin E&C Co., Ltd.",
                    "Hansung P.T.C Co., Ltd.", "Heesung Electronics Co., Ltd.", "Daeyoung Electronics Co., Ltd.",
                    "Woojin Industrial Systems Co., Ltd.", "BH Co., Ltd.", "Haesung DS Co., Ltd.", "Doosan Vina Co., Ltd."),
            "JP", List.of("Kyocera Document Solutions Inc.", "Bridgestone Corporation", "Fujifilm Business Innovation Corp.",
                    "Nipro Corporation", "Yazaki Corporation", "Toyoda Gosei Co., Ltd.", "Kyoei Steel Ltd.",
                    "Sumitomo Heavy Industries, Ltd.", "Nichias Corporation", "Enplas Corporation"),
            "CN", List.of("Goertek Inc.", "Luxshare Precision Industry Co., Ltd.", "Sunny Optical Technology (Group) Co., Ltd.",
                    "BYD Electronic (International) Co., Ltd.", "Xinyi Glass Holdings Ltd.", "Jinko Solar Co., Ltd.",
                    "Zhejiang Huayou Cobalt Co., Ltd."),
            "TW", List.of("Pegatron Corporation", "Compal Electronics, Inc.", "Foxconn Interconnect Technology Ltd.",
                    "Chung Hung Steel Corporation", "Wistron Corporation"),
            "SG", List.of("Sembcorp Development Ltd.", "VSIP Group Pte. Ltd.", "GLP Vietnam Holdings Pte. Ltd.",
                    "Frasers Property Vietnam Pte. Ltd.", "Mapletree Logistics Trust Management Ltd."),
            "US", List.of("Nortek Global HVAC, LLC", "Lincoln Electric Company", "Honeywell International Inc."),
            "HK", List.of("Yue Yuen Industrial (Holdings) Ltd.", "Kerry Logistics Network Ltd."),
            "BE", List.of("Rent-A-Port NV (\"Deep C\")"),
            "DE", List.of("Bosch Rexroth AG"),
            "TH", List.of("SCG International Corporation Co., Ltd.")),
            Map.of("KR", 6, "JP", 3, "CN", 3, "TW", 2, "SG", 2, "US", 1, "HK", 1, "BE", 1, "DE", 1, "TH", 1));

    /** Domestic investors (nhà đầu tư trong nước), with diacritics, commas and quotes as registers spell them. */
    static final List<Investor> DDI_INVESTORS = investors(Map.of("VN", List.of(
            "Công ty TNHH Sản xuất và Kinh doanh VinFast",
            "Công ty Cổ phần Tập đoàn Hòa Phát",
            "Công ty Cổ phần Cảng Hải Phòng",
            "Tổng công ty Tân Cảng Sài Gòn",
            "Công ty Cổ phần Đầu tư Khu công nghiệp Đình Vũ",
            "Công ty Cổ phần Đầu tư và Phát triển Hạ tầng Nam Đình Vũ",
            "Công ty Cổ phần Container Việt Nam (Viconship)",
            "Công ty Cổ phần Gemadept",
            "Công ty TNHH Logistics \"Hải Âu\", Chi nhánh Hải Phòng",
            "Công ty Cổ phần Nhựa Thiếu niên Tiền Phong",
            "Công ty Cổ phần Xi măng Vicem Hải Phòng",
            "Tổng công ty Hàng hải Việt Nam - CTCP",
            "Công ty TNHH Thương mại, Dịch vụ và Vận tải Đức Thắng",
            "Công ty Cổ phần Khu công nghiệp Sài Gòn - Hải Phòng",
            "Công ty TNHH Điện lực Hải Phòng Xanh")), Map.of("VN", 1));

    private static final Map<String, List<String>> STEMS = Map.of(
            "KR", List.of("Hanil", "Daesung", "Samjin", "Sewon", "Jinyoung", "Myungshin", "Dongwon", "Hyosung"),
            "JP", List.of("Takara", "Shinwa", "Okamoto", "Daido", "Nishikawa", "Hayashi"),
            "CN", List.of("Shenzhen Xinda", "Ningbo Jiali", "Suzhou Hengtai", "Jiangsu Yuanxin", "Dongguan Kaifa"),
            "TW", List.of("Chang Wah", "Lien Fa", "Yu Sheng", "Hon Chuan"),
            "SG", List.of("Straits", "Lion City", "Keppel Land"),
            "US", List.of("Great Lakes", "Pioneer"),
            "HK", List.of("Harbour Ring", "Kowloon Bay"),
            "BE", List.of("Antwerp"),
            "DE", List.of("Rhein"),
            "TH", List.of("Siam"));
    private static final List<String> TRADES = List.of("Electronics", "Precision", "Components", "Technology",
            "Industrial", "Materials", "Logistics", "Auto Parts");

    /** A plausible name for one more investor of a country, e.g. "Samjin Precision Vina Co., Ltd.". */
    static Investor synthesized(Random random, String country) {
        String stem = DemoData.pick(random, STEMS.get(country));
        String trade = DemoData.pick(random, TRADES);
        return new Investor(stem + " " + trade + " Vina Co., Ltd.", country);
    }

    static String homeCurrency(String country) {
        return switch (country) {
            case "KR" -> "KRW";
            case "JP" -> "JPY";
            case "CN" -> "CNY";
            case "TW" -> "TWD";
            case "SG" -> "SGD";
            case "HK" -> "HKD";
            case "BE", "DE" -> "EUR";
            case "TH" -> "THB";
            default -> "USD";
        };
    }

    static final List<Weighted<String>> FDI_ZONES = List.of(w("DEEP_C", 18), w("TRANG_DUE", 15), w("VSIP_HP", 12),
            w("NAM_CAU_KIEN", 10), w("AN_DUONG", 10), w("DINH_VU", 6), w("NAM_DINH_VU", 6), w("MP_DINH_VU", 4),
            w("NOMURA_HP", 5), w("TIEN_THANH", 4), w("DO_SON", 3), w("XUAN_CAU", 4), w("DINH_VU_CAT_HAI", 3));
    static final List<Weighted<String>> DDI_ZONES = List.of(w("DINH_VU_CAT_HAI", 25), w("NAM_DINH_VU", 15),
            w("DINH_VU", 10), w("DEEP_C", 10), w("AN_DUONG", 10), w("NAM_CAU_KIEN", 8), w("TIEN_THANH", 8),
            w("XUAN_CAU", 6), w("DO_SON", 4), w("MP_DINH_VU", 4));
    /** Electronics about a third, manufacturing most of the rest, logistics and infrastructure ~15%. */
    static final List<Weighted<String>> FDI_SECTORS = List.of(w("C26", 34), w("C27", 8), w("C29", 6), w("C22", 6),
            w("C28", 6), w("C25", 6), w("C20", 5), w("C24", 3), w("C13", 2), w("C14", 2), w("C32", 2), w("H52", 12),
            w("F42", 3), w("L68", 3), w("D35", 2));
    static final List<Weighted<String>> DDI_SECTORS = List.of(w("H52", 25), w("F42", 15), w("L68", 15), w("C23", 10),
            w("C24", 10), w("C29", 10), w("D35", 5), w("C10", 5), w("C22", 5));

    private static Weighted<String> w(String value, int weight) {
        return new Weighted<>(value, weight);
    }

    private static List<Investor> investors(Map<String, List<String>> byCountry, Map<String, Integer> repeat) {
        List<Investor> out = new ArrayList<>();
        byCountry.keySet().stream().sorted().forEach(country -> {
            for (int i = 0; i < repeat.get(country); i++) {
                byCountry.get(country).forEach(name -> out.add(new Investor(name, country)));
            }
        });
        return List.copyOf(out);
    }
}
