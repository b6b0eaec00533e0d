package vn.investpulse.local;

import java.util.List;

/** Builds the pipeline services, in start order, once the broker, the registry and the topics are up. */
@FunctionalInterface
public interface ServiceFactory {

    List<LocalService> create(RuntimeContext context);
}
