package vn.investpulse.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.SystemLimitException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

/** A length off the wire that no record can hold is a decoding error, not a 2 GB allocation. */
class AvroLimitsTest {

    @Test
    void aStringLengthOfAboutTwoGigabytesIsRefusedBeforeAnythingIsAllocated() {
        AvroLimits.install();
        // zig-zag varint of 2,000,000,000 followed by three bytes: what random bytes after a valid header can say
        byte[] bytes = {(byte) 0x80, (byte) 0xd0, (byte) 0xac, (byte) 0xf3, 0x0e, 'a', 'b', 'c'};
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        assertThatThrownBy(() -> decoder.readString(null)).isInstanceOf(SystemLimitException.class)
                .hasMessageContaining("String length 2000000000 exceeds maximum allowed");
    }
}
