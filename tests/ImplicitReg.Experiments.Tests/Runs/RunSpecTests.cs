using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Experiments.Tests.Runs;

public sealed class RunSpecTests
{
    private static readonly DmfDefaults Simulate = new("random", null, false);

    [Fact]
    public void DimsGiveEveryLayerSize()
    {
        var setup = DmfSetup.Build(new RunSpec { Model = "dmf", Problem = "generalized", Dims = "3,4,2" }, Simulate);
        Assert.Equal([3, 4, 2], setup.Problem.Dimensions);
        Assert.Equal(2, setup.Problem.Depth);
        Assert.Equal([4, 3], [setup.InitialLayers[0].Rows, setup.InitialLayers[0].Columns]);
    }

    [Theory]
    [InlineData("3,0,2", "--dims expects positive integers separated by commas (e.g. 2,3,3,2); item 2 is '0'")]
    [InlineData("3", "--dims needs at least two sizes, d0 and d1 (one layer)")]
    public void BadDimsNameTheOption(string dims, string message)
    {
        var e = Assert.Throws<RunSpecException>(() => DmfSetup.Build(new RunSpec { Model = "dmf", Dims = dims }, Simulate));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void DimsExcludeShapeHiddenAndDepth()
    {
        var e = Assert.Throws<RunSpecException>(() => DmfSetup.Build(new RunSpec { Model = "dmf", Dims = "2,2", Depth = 3 }, Simulate));
        Assert.Equal("--dims gives every layer size; drop --shape, --hidden and --depth", e.Message);
    }

    [Fact]
    public void PositiveDetFalseTurnsOffTheDefault()
    {
        var defaults = new DmfDefaults("2x2", 0.5, true);
        Assert.True(DmfSetup.Build(new RunSpec { Model = "dmf", Depth = 2 }, defaults).Init.PositiveDeterminant);
        Assert.False(DmfSetup.Build(new RunSpec { Model = "dmf", Depth = 2, PositiveDet = false }, defaults).Init.PositiveDeterminant);
    }

    [Fact]
    public void PositiveDetNeedsASquareMatrixOnlyWhenAsked()
    {
        var spec = new RunSpec { Model = "dmf", Problem = "generalized", Shape = "3x2", Depth = 2 };
        Assert.False(DmfSetup.Build(spec, new DmfDefaults("random", 0.5, true)).Init.PositiveDeterminant);
        var e = Assert.Throws<RunSpecException>(() => DmfSetup.Build(spec with { PositiveDet = true }, Simulate));
        Assert.Equal("--positive-det needs a square end-to-end matrix, not 3x2", e.Message);
    }

    [Fact]
    public void TheLimitsSeeMemoryAndWorkBeforeTheRunIsBuilt()
    {
        var seen = new List<string>();
        var limits = new RunLimits
        {
            Memory = (option, bytes, what) => seen.Add($"{option} {bytes > 0} {what}"),
            Work = work => seen.Add($"work {work > 0}"),
        };
        using (PreparedRun.Prepare(new RunSpec { Model = "dmf", Shape = "10x10", Observed = 30, Steps = 10 }, limits)) { }
        using (PreparedRun.Prepare(new RunSpec { Model = "cp", Sizes = "3x3x3", Components = 4, Observed = 10, Steps = 10 }, limits)) { }
        using (PreparedRun.Prepare(new RunSpec { Model = "sym", Steps = 10 }, limits)) { }
        Assert.Equal(["--shape/--hidden True the layers, the target and the observations", "work True",
            "--sizes/--components True the factors, the full target tensor and the observations", "work True",
            "--size/--columns True U, X and the target", "work True"], seen);

        var refuse = new RunLimits { Memory = (_, _, _) => throw new InvalidOperationException("over") };
        Assert.Throws<InvalidOperationException>(() => PreparedRun.Prepare(new RunSpec { Model = "dmf", Shape = "10x10", Observed = 30 }, refuse));
    }

    [Fact]
    public void SymRefusesARankAboveTheSize()
    {
        var e = Assert.Throws<RunSpecException>(() => PreparedRun.Prepare(new RunSpec { Model = "sym", Size = 2, Rank = 3 }));
        Assert.Equal("--rank (3) must be at most --size (2)", e.Message);
    }

    [Fact]
    public void TheOptimizerIsDescribedAsTheCommandLinePrintsIt()
    {
        Assert.Equal("gd lr 0.003", RunSchedule.From(new RunSpec { Model = "dmf", LearningRate = 3e-3 }, "gd", 1e-2, 0).DescribeOptimizer());
        Assert.Equal("group-rmsprop lr 0.01 eps 1E-06 (bias-corrected, alpha 0.99)",
            RunSchedule.From(new RunSpec { Model = "cp" }, "group-rmsprop", 1e-2, 0, 1e-6).DescribeOptimizer());
    }

    [Fact]
    public void TheCsvHasTheCommentTheHeaderAndEveryRecord()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var run = PreparedRun.Prepare(new RunSpec { Model = "sym", Steps = 4, RecordEvery = 2, Top = 1, Seed = 3 }))
            {
                using var csv = new RunCsvWriter(path, run);
                var recorded = RecordedRun.Execute(run, new RecordingHooks { OnRecord = csv.Row, KeepRows = false });
                Assert.Single(recorded.Rows);
                Assert.Equal(4, recorded.Rows[0][0]);
            }
            var lines = File.ReadAllLines(path);
            Assert.StartsWith("# implicitreg simulate sym seed=3 problem=\"", lines[0]);
            Assert.EndsWith(" loss=half-sse init=identity alpha=0.001 optimizer=\"gd lr 0.01\"", lines[0]);
            Assert.Equal("step,time,loss,trace,reconstruction,eigenvalue1", lines[1]);
            Assert.Equal(["0", "2", "4"], lines[2..].Select(l => l.Split(',')[0]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ADirectoryAsTheCsvIsNamedAsSuch()
    {
        // The runtime's own words for a directory are "Access to the path is denied", which points at permissions.
        using var run = PreparedRun.Prepare(new RunSpec { Model = "sym", Steps = 1 });
        var dir = Directory.CreateTempSubdirectory("implicitreg-out-").FullName;
        try
        {
            var e = Assert.Throws<RunSpecException>(() => new RunCsvWriter(dir, run));
            Assert.Equal($"--out '{dir}' is a directory; give the name of the CSV file to write, e.g. '{Path.Combine(dir, "run.csv")}'", e.Message);
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AnUnwritableCsvIsAnOptionError()
    {
        using var run = PreparedRun.Prepare(new RunSpec { Model = "sym", Steps = 1 });
        var e = Assert.Throws<RunSpecException>(() => new RunCsvWriter("/nonexistent-dir/x.csv", run));
        Assert.StartsWith("cannot write --out file '/nonexistent-dir/x.csv': ", e.Message);
    }
}
