using ImplicitReg.Numerics.Parallel;

namespace ImplicitReg.Numerics.Tests.Parallel;

public sealed class PhasedWorkersTests
{
    /// <summary>
    /// Every worker runs every job, on distinct threads, and a phase only starts when all workers finished the
    /// previous one: worker w writes slot w in phase 1, and in phase 2 reads the other workers' slots.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PhasesAreSeparatedAndEveryWorkerTakesPart(int count)
    {
        using var workers = new PhasedWorkers(count);
        Assert.Equal(count, workers.Count);
        var written = new int[count];
        var seen = new int[count];
        var threads = new int[count];
        for (int round = 1; round <= 200; round++)
        {
            int r = round;
            workers.Run(w =>
            {
                threads[w] = Environment.CurrentManagedThreadId;
                Thread.SpinWait(w * 50); // the workers arrive at different times
                written[w] = r;
                workers.Sync();
                seen[w] = written.Sum();
            });
            Assert.All(seen, s => Assert.Equal(count * round, s));
        }
        Assert.Equal(count, threads.Distinct().Count());
        Assert.Equal(Environment.CurrentManagedThreadId, threads[0]);
    }

    /// <summary>A failing helper is reported to the caller instead of hanging it, and later runs refuse.</summary>
    [Fact]
    public void AFailingWorkerIsReportedNotHung()
    {
        using var workers = new PhasedWorkers(2);
        var e = Assert.Throws<InvalidOperationException>(() => workers.Run(w =>
        {
            if (w == 1) throw new ArithmeticException("boom");
            workers.Sync();
        }));
        Assert.IsType<ArithmeticException>(e.InnerException);
        Assert.Throws<InvalidOperationException>(() => workers.Run(_ => { }));
    }

    [Fact]
    public void ATeamNeedsAWorker() => Assert.Throws<ArgumentOutOfRangeException>(() => new PhasedWorkers(0));
}
