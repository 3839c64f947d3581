package io.github.ucode4j.cli.iucode;

import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.cache.InvalidFilterException;
import io.github.ucode4j.cache.SignatureFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * iucode_tool 2.3.1's command line, parsed as it parses it (getopt_long: short options bundled, a long option's
 * unambiguous prefix, {@code --} ending the options, options anywhere among the files), into what to read, select
 * and write.
 */
final class IucodeToolOptions {
    /** Where iucode_tool's {@code -K} writes without a directory. */
    static final String DEFAULT_FIRMWARE_DIRECTORY = "/lib/firmware/intel-ucode";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> LONG_OPTIONS = List.of("quiet", "verbose", "list", "list-all", "scan-system",
            "date-before", "date-after", "loose-date-filtering", "strict-date-filtering", "write-firmware",
            "write-to", "write-earlyfw", "write-named-to", "write-all-named-to", "overwrite", "no-overwrite",
            "mini-earlyfw", "normal-earlyfw", "strict-checks", "no-strict-checks", "ignore-broken", "no-ignore-broken");
    private static final List<String> TAKE_ARGUMENT = List.of("date-before", "date-after", "write-earlyfw", "write-to",
            "write-named-to", "write-all-named-to");
    private static final List<String> OPTIONAL_ARGUMENT = List.of("scan-system", "write-firmware");
    private static final String SHORT_WITH_ARGUMENT = "tswW";

    /** A file to read, {@code -} for standard input, with the {@code -t} type in force where it was named. */
    record Input(String name, char type) {
        boolean isStandardInput() {
            return name.equals("-");
        }
    }

    /** One step of the selection, in command-line order: a {@code -s} filter, or {@code --scan-system}. */
    record SelectionStep(Optional<String> filter) {
        boolean isScanSystem() {
            return filter.isEmpty();
        }
    }

    int verbosity = 1;
    boolean listSelected;
    boolean listAll;
    boolean overwrite;
    boolean strictChecks = true;
    boolean ignoreBroken;
    boolean looseDateFiltering;
    boolean miniEarlyfw;
    Optional<String> dateBefore = Optional.empty();
    Optional<String> dateAfter = Optional.empty();
    Optional<String> earlyfw = Optional.empty();
    Optional<String> writeTo = Optional.empty();
    Optional<String> namedTo = Optional.empty();
    Optional<String> allNamedTo = Optional.empty();
    Optional<String> firmwareDirectory = Optional.empty();
    final List<Input> inputs = new ArrayList<>();
    final List<SelectionStep> selection = new ArrayList<>();
    private char type = 'a';
    private boolean scanned;

    private IucodeToolOptions() {
    }

    /**
     * The command line {@code arguments} (without the program's name).
     *
     * @throws IucodeToolUsageException when iucode_tool would refuse it, with its words
     */
    static IucodeToolOptions parse(List<String> arguments) throws IucodeToolUsageException {
        IucodeToolOptions options = new IucodeToolOptions();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--")) {
                arguments.subList(i + 1, arguments.size()).forEach(options::file);
                break;
            } else if (argument.startsWith("--")) {
                i = options.longOption(arguments, i);
            } else if (argument.startsWith("-") && argument.length() > 1) {
                i = options.shortOptions(arguments, i);
            } else {
                options.file(argument);
            }
        }
        return options;
    }

    /** Whether anything is to be listed or written; iucode_tool reads nothing otherwise. */
    boolean hasAction() {
        return listSelected || listAll || earlyfw.isPresent() || writeTo.isPresent() || namedTo.isPresent()
                || allNamedTo.isPresent() || firmwareDirectory.isPresent();
    }

    /** How each file is checked: {@code -t r} searches unknown data, {@code --no-strict-checks} relaxes the rest. */
    ParseMode parseMode(Input input) {
        if (input.type() == 'r') {
            return ParseMode.RECOVER;
        }
        return strictChecks ? ParseMode.STRICT : ParseMode.LENIENT;
    }

    private void file(String name) {
        inputs.add(new Input(name, type));
    }

    private int longOption(List<String> arguments, int index) throws IucodeToolUsageException {
        String argument = arguments.get(index);
        int equals = argument.indexOf('=');
        String written = argument.substring(2, equals < 0 ? argument.length() : equals);
        Optional<String> value = equals < 0 ? Optional.empty() : Optional.of(argument.substring(equals + 1));
        String name = longName(written, argument);
        if (TAKE_ARGUMENT.contains(name) && value.isEmpty()) {
            if (index + 1 >= arguments.size()) {
                throw IucodeToolUsageException.optionParser("option '--" + name + "' requires an argument");
            }
            value = Optional.of(arguments.get(++index));
        } else if (!TAKE_ARGUMENT.contains(name) && !OPTIONAL_ARGUMENT.contains(name) && value.isPresent()) {
            throw IucodeToolUsageException.optionParser("option '--" + name + "' doesn't allow an argument");
        }
        apply(name, value);
        return index;
    }

    private static String longName(String written, String argument) throws IucodeToolUsageException {
        if (LONG_OPTIONS.contains(written)) {
            return written;
        }
        List<String> candidates = written.isEmpty() ? List.of()
                : LONG_OPTIONS.stream().filter(name -> name.startsWith(written)).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw IucodeToolUsageException.optionParser("unrecognized option '" + argument + "'");
        }
        throw IucodeToolUsageException.optionParser("option '" + argument + "' is ambiguous; possibilities:"
                + candidates.stream().map(name -> " '--" + name + "'").reduce("", String::concat));
    }

    private int shortOptions(List<String> arguments, int index) throws IucodeToolUsageException {
        String argument = arguments.get(index);
        for (int c = 1; c < argument.length(); c++) {
            char option = argument.charAt(c);
            String rest = argument.substring(c + 1);
            if (SHORT_WITH_ARGUMENT.indexOf(option) >= 0) {
                if (!rest.isEmpty()) {
                    shortOption(option, Optional.of(rest));
                } else if (index + 1 < arguments.size()) {
                    shortOption(option, Optional.of(arguments.get(++index)));
                } else {
                    throw IucodeToolUsageException.optionParser("option requires an argument -- '" + option + "'");
                }
                return index;
            }
            if (option == 'K') {
                // An optional argument is only ever the rest of the same word, as getopt takes it.
                shortOption(option, rest.isEmpty() ? Optional.empty() : Optional.of(rest));
                return index;
            }
            shortOption(option, Optional.empty());
        }
        return index;
    }

    private void shortOption(char option, Optional<String> value) throws IucodeToolUsageException {
        switch (option) {
            case 'q' -> apply("quiet", value);
            case 'v' -> apply("verbose", value);
            case 'l' -> apply("list", value);
            case 'L' -> apply("list-all", value);
            case 'S' -> apply("scan-system", value);
            case 'w' -> apply("write-to", value);
            case 'W' -> apply("write-named-to", value);
            case 'K' -> apply("write-firmware", value);
            case 's' -> select(value.orElseThrow());
            case 't' -> type(value.orElseThrow());
            // -k (upload to the kernel through /dev/cpu/microcode) is left out on purpose: kernels since 4.4 have
            // no such device; ucode apply loads microcode.
            default -> throw IucodeToolUsageException.optionParser("invalid option -- '" + option + "'");
        }
    }

    private void apply(String name, Optional<String> value) throws IucodeToolUsageException {
        switch (name) {
            case "quiet" -> verbosity = 0;
            case "verbose" -> verbosity++;
            case "list" -> listSelected = true;
            case "list-all" -> listAll = true;
            case "scan-system" -> scanSystem(value);
            case "date-before" -> dateBefore = Optional.of(date(value.orElseThrow()));
            case "date-after" -> dateAfter = Optional.of(date(value.orElseThrow()));
            case "loose-date-filtering" -> looseDateFiltering = true;
            case "strict-date-filtering" -> looseDateFiltering = false;
            case "write-firmware" -> firmwareDirectory = Optional.of(value.orElse(DEFAULT_FIRMWARE_DIRECTORY));
            case "write-earlyfw" -> earlyfw = value;
            case "write-to" -> writeTo = value;
            case "write-named-to" -> namedTo = value;
            case "write-all-named-to" -> allNamedTo = value;
            case "overwrite" -> overwrite = true;
            case "no-overwrite" -> overwrite = false;
            case "mini-earlyfw" -> miniEarlyfw = true;
            case "normal-earlyfw" -> miniEarlyfw = false;
            case "strict-checks" -> strictChecks = true;
            case "no-strict-checks" -> strictChecks = false;
            case "ignore-broken" -> ignoreBroken = true;
            case "no-ignore-broken" -> ignoreBroken = false;
            default -> throw new IllegalStateException("option without a meaning: " + name);
        }
    }

    private void select(String filter) throws IucodeToolUsageException {
        if (!filter.strip().equals("!")) {
            try {
                SignatureFilter.parse(filter);
            } catch (InvalidFilterException e) {
                throw IucodeToolUsageException.badValue("invalid filter: '" + filter + "'");
            }
        }
        selection.add(new SelectionStep(Optional.of(filter)));
    }

    private void scanSystem(Optional<String> mode) throws IucodeToolUsageException {
        if (mode.isPresent() && !List.of("0", "1", "2", "auto", "fast", "exact").contains(mode.get())) {
            throw IucodeToolUsageException.badValue("invalid --scan-system mode: '" + mode.get() + "'");
        }
        if (scanned) {
            throw IucodeToolUsageException.badValue("--scan-system can be specified only once");
        }
        scanned = true;
        selection.add(new SelectionStep(Optional.empty()));
    }

    private void type(String value) throws IucodeToolUsageException {
        if (value.length() != 1 || "bdra".indexOf(value.charAt(0)) < 0) {
            throw IucodeToolUsageException.badValue("unknown file type: '" + value + "'");
        }
        type = value.charAt(0);
    }

    private static String date(String value) throws IucodeToolUsageException {
        if (!DATE.matcher(value).matches()) {
            throw IucodeToolUsageException.badValue("invalid date: '" + value + "'");
        }
        return value;
    }
}
