package dl.kernel;

import java.lang.management.ManagementFactory;

/**
 * Start-up timing for diagnosis: with {@code COURSE_KERNEL_TRACE=1} in the kernel's environment,
 * each phase prints its time since JVM start to the kernel's stderr. Silent otherwise.
 */
final class StartupTrace {

    private static final boolean ON = "1".equals(System.getenv("COURSE_KERNEL_TRACE"));
    private static final java.io.PrintStream ERR = System.err;

    private StartupTrace() {}

    static void mark(String phase) {
        if (ON) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
            ERR.printf("[course kernel %6d ms, cpu %6d ms] %s (%s)%n", uptime, cpu, phase, Thread.currentThread().getName());
        }
    }
}
