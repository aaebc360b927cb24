package eu.lexbridge.core.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell examples of a guide marked for one API ({@code <!-- tested: rest -->}, {@code <!-- tested: soap -->}), run as
 * written with curl, in order, in one shell: each curl call's HTTP status is recorded, to compare with what the
 * example's comments promise ({@code → 201}). Each back-end API's module runs its own against its own connector.
 */
public record GuideExamples(List<Example> examples) {
    private static final Pattern PROMISED_STATUS = Pattern.compile("→ (\\d{3})");

    /** One fenced block, and the status of each of its curl calls, in order, as its comments say. */
    public record Example(int line, String script, List<Integer> promised) {
    }

    /** What one run gave: the shell's exit code and output, and the statuses each example's calls got. */
    public record Run(int exitCode, String output, List<List<Integer>> statuses) {
    }

    /** The examples marked {@code <!-- tested: api -->} in {@code markdown}, in order. */
    public static GuideExamples in(String markdown, String api) {
        String marker = "<!-- tested: " + api + " -->";
        List<Example> examples = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals(marker)) {
                continue;
            }
            if (i + 1 >= lines.length || !lines[i + 1].strip().equals("```bash")) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + marker + " must stand right before a "
                        + "```bash block");
            }
            StringBuilder script = new StringBuilder();
            List<Integer> promised = new ArrayList<>();
            int j = i + 2;
            for (; j < lines.length && !lines[j].strip().equals("```"); j++) {
                script.append(lines[j]).append('\n');
                if (lines[j].strip().startsWith("#")) {
                    Matcher status = PROMISED_STATUS.matcher(lines[j]);
                    while (status.find()) {
                        promised.add(Integer.parseInt(status.group(1)));
                    }
                }
            }
            examples.add(new Example(i + 1, script.toString(), List.copyOf(promised)));
            i = j;
        }
        return new GuideExamples(List.copyOf(examples));
    }

    /**
     * Runs every example in one bash, in {@code work}, with {@code environment} (the variables the guide asks the
     * reader to set). curl is wrapped only to note each answer's status; the examples' own options stay as written.
     */
    public Run run(Path work, Map<String, String> environment) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                curl() {
                  local headers rc=0 status
                  headers=$(mktemp "$LB_WORK/headers.XXXXXX")
                  command curl -D "$headers" "$@" || rc=$?
                  status=$(grep -a '^HTTP/' "$headers" | tail -n 1 | cut -d' ' -f2)
                  echo "$LB_EXAMPLE ${status:-0}" >> "$LB_WORK/statuses"
                  return $rc
                }
                """);
        for (int i = 0; i < examples.size(); i++) {
            script.append("LB_EXAMPLE=").append(i).append('\n').append(examples.get(i).script());
        }
        Path file = work.resolve("examples.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Path statusFile = work.resolve("statuses");
        Files.writeString(statusFile, "");
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("CURL_CA_BUNDLE");
        builder.environment().putAll(environment);
        builder.environment().put("LB_WORK", work.toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the guide's examples did not finish in 2 minutes");
        }
        List<List<Integer>> statuses = new ArrayList<>();
        examples.forEach(e -> statuses.add(new ArrayList<>()));
        for (String line : Files.readAllLines(statusFile)) {
            String[] parts = line.split(" ");
            statuses.get(Integer.parseInt(parts[0])).add(Integer.parseInt(parts[1]));
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8), statuses);
    }
}
