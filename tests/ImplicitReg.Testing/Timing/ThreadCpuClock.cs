using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ImplicitReg.Testing.Timing;

/// <summary>
/// CPU time spent by the calling thread. Unlike wall time it does not grow when other processes share the cores, so a
/// ratio of two such times measured on one thread is a property of the algorithms, not of the machine's load. On
/// Linux it reads <c>CLOCK_THREAD_CPUTIME_ID</c>; elsewhere it falls back to the process's CPU time (noisier, since
/// other test threads count too).
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3; // <time.h> on Linux

    /// <summary>CPU time of the calling thread so far.</summary>
    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var t) == 0)
            return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The least CPU time of <paramref name="repeats"/> runs of <paramref name="work"/> (the least is the run disturbed least).</summary>
    public static TimeSpan Min(int repeats, Action work)
    {
        var best = TimeSpan.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var start = Now();
            work();
            var spent = Now() - start;
            if (spent < best) best = spent;
        }
        return best;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport, not LibraryImport: the source-generated stub needs unsafe code, and a blittable struct needs no marshalling.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
