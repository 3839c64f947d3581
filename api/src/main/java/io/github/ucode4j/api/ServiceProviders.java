package io.github.ucode4j.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Loads every provider of a service, skipping and recording the ones that fail. */
final class ServiceProviders<T> {
    // A provider-configuration file naming thousands of broken classes is not plausible; the bound only keeps a
    // misbehaving iterator from looping for ever.
    private static final int MAX_FAILURES = 1000;

    final List<T> providers = new ArrayList<>();
    final List<ProviderProblem> problems = new ArrayList<>();

    private ServiceProviders() {
    }

    static <T> ServiceProviders<T> load(Class<T> service, ClassLoader loader) {
        ServiceProviders<T> result = new ServiceProviders<>();
        Iterator<T> it = ServiceLoader.load(service, loader).iterator();
        int failures = 0;
        while (failures < MAX_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                result.providers.add(it.next());
            } catch (ServiceConfigurationError e) {
                failures++;
                result.problems.add(new ProviderProblem(service.getSimpleName(), describe(e)));
            }
        }
        return result;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause);
        }
        return text.toString();
    }
}
