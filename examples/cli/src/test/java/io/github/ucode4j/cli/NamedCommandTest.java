package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run that names a command builds the command line with that command only, which reads its arguments and prints
 * its help as the whole tree does; a run that names none, or asks for help, builds every command.
 */
class NamedCommandTest {
    private static final Set<String> EVERY_COMMAND = Main.commandLine().getSubcommands().keySet();

    @Test
    void everyCommandButHelpCanBeBuiltAloneUnderItsName() {
        Map<String, Class<?>> tree = Main.commandLine().getSubcommands().entrySet().stream()
                .filter(command -> !command.getKey().equals("help"))
                .collect(Collectors.toMap(Map.Entry::getKey, command -> command.getValue().getCommand().getClass()));

        assertThat(NamedCommand.BY_NAME).isEqualTo(tree);
    }

    @Test
    void aRunThatNamesACommandBuildsThatOneOnly() {
        assertThat(Main.commandLine(new String[] {"list", "--format=iucode", "intel-ucode"}).getSubcommands())
                .containsOnlyKeys("list");
        assertThat(Main.commandLine(new String[] {"--debug", "status"}).getSubcommands()).containsOnlyKeys("status");
        assertThat(Main.commandLine(new String[] {"iucode-tool", "-l", "list"}).getSubcommands())
                .containsOnlyKeys("iucode-tool");
    }

    @Test
    void aRunThatNamesNoCommandBuildsEveryOne() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "list"}, {"lsit"}, {"@arguments", "list"},
            {"--", "list"}, {"--debug"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .isEqualTo(EVERY_COMMAND);
        }
    }

    @Test
    void aCommandBuiltAloneHasTheHelpAndOptionsItHasInTheTree() {
        for (String name : NamedCommand.BY_NAME.keySet()) {
            CommandLine alone = Main.commandLine(new String[] {name}).getSubcommands().get(name);
            CommandLine inTree = Main.commandLine().getSubcommands().get(name);

            assertThat(alone.getUsageMessage()).as(name).isEqualTo(inTree.getUsageMessage());
            assertThat(alone.getCommandSpec().qualifiedName()).isEqualTo("ucode " + name);
        }
    }

    @Test
    void theTopLevelsOptionsAreReadBeforeAndAfterTheCommand() {
        CommandLine.ParseResult parsed = Main.commandLine(new String[] {"--debug", "list", "--debug", "x"})
                .parseArgs("--debug", "list", "--debug", "x");

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("list");
        assertThat(parsed.subcommand().hasMatchedOption("--debug")).isTrue();
    }
}
