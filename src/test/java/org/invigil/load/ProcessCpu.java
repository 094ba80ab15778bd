package org.invigil.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used, user and system, from {@code /proc/<pid>/stat} (proc(5): fields 14 {@code utime}
 * and 15 {@code stime}, in clock ticks), so that a figure taken at the start and at the end of a phase gives the
 * cores the process kept busy: CPU time ÷ wall time.
 */
final class ProcessCpu {

    private final Path stat;
    private final long ticksPerSecond;

    private ProcessCpu(Path stat) {
        this.stat = stat;
        this.ticksPerSecond = clockTicks();
    }

    static ProcessCpu of(long pid) {
        return new ProcessCpu(Path.of("/proc", Long.toString(pid), "stat"));
    }

    static ProcessCpu self() {
        return of(ProcessHandle.current().pid());
    }

    /** User plus system CPU time so far, in nanoseconds. */
    long nanos() {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat, e);
        }
        // the command name (field 2) is in parentheses and may hold spaces: count from the last ')'
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" +");
        long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return ticks * 1_000_000_000L / ticksPerSecond;
    }

    /** Cores used between two readings {@code wallNanos} apart. */
    static double cores(long cpuNanosBefore, long cpuNanosAfter, long wallNanos) {
        return wallNanos <= 0 ? 0 : (double) (cpuNanosAfter - cpuNanosBefore) / wallNanos;
    }

    /** {@code getconf CLK_TCK}; 100 on every Linux this runs on when getconf is missing. */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor() == 0 && out.matches("\\d+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
