using ImplicitReg.Reports.Reproduction;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Experiments;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Tests.Experiments;

[Collection(QuickReproductionsCollection.Name)]
public sealed class ExperimentLoaderTests(QuickReproductions runs)
{
    [Fact]
    public void ASectionHoldsTheWholeSweepAndTheSummaryReproduceWrote()
    {
        var s = ExperimentLoader.Load(runs.E2, 1);
        Assert.Equal("e2", s.Experiment.Name);
        Assert.Equal(2, s.Records.Count);
        Assert.Equal(s.Manifest.RunCount, s.Records.Count);
        Assert.Equal(2, s.Trajectories.Count);
        // The summary is recomputed from the records: it must equal the summary.txt that reproduce wrote.
        Assert.Equal(File.ReadAllText(Path.Combine(runs.E2, Reproducer.SummaryFile)), ReproductionText.Render(s.Experiment, s.Manifest, s.Summary));
        Assert.Equal(File.ReadAllText(Path.Combine(runs.E2, Reproducer.ResultsFile)), s.ResultsJson);
        Assert.Equal("experiment-1-e2", s.Anchor);
        Assert.Equal("experiment-3-e2", ExperimentLoader.Load(runs.E2, 3).Anchor);
    }

    [Fact]
    public void TheSweepReproduceHasJustSummarisedDrawsTheSamePageWithoutReadingItsRecordsOrResultsAgain()
    {
        var copy = runs.Copy(runs.E1);
        var result = Reproducer.Summarise([copy], copy, ReproductionText.Render);
        var fromDisk = ExperimentLoader.Load(copy, 2);
        // Records, results.json and the manifest go: only the trajectories are read for the page of a sweep in hand.
        Directory.Delete(Path.Combine(copy, SweepStore.RunsFolder), recursive: true);
        Directory.CreateDirectory(Path.Combine(copy, SweepStore.RunsFolder));
        foreach (var csv in Directory.GetFiles(Path.Combine(runs.E1, SweepStore.RunsFolder), "*.csv"))
            File.Copy(csv, Path.Combine(copy, SweepStore.RunsFolder, Path.GetFileName(csv)));
        File.Delete(Path.Combine(copy, Reproducer.ResultsFile));
        File.Delete(Path.Combine(copy, SweepStore.ManifestFile));
        var inHand = ExperimentLoader.Load(result, 2);
        Assert.Same(result.Summary, inHand.Summary);
        Assert.Same(result.Records, inHand.Records);
        Assert.Equal(fromDisk.ResultsJson, inHand.ResultsJson);
        Assert.Equal(ExperimentPage.Html(fromDisk), ExperimentPage.Html(inHand));
        Assert.Equal(fromDisk.Figures.Select(FigureCsv.Write), inHand.Figures.Select(FigureCsv.Write));
        // Control: loading the directory itself now fails, so the section above came from the result in hand.
        Assert.Throws<InvalidDataException>(() => ExperimentLoader.Load(copy, 2));
    }

    [Fact]
    public void AShardAloneIsRefusedNamingTheDirectoryAndTheMissingRun()
    {
        var shard = runs.NewDirectory("e2-shard");
        QuickReproductions.Run("e2", new ReproductionOptions { Quick = true, Depths = [2] }, shard, new Shard(0, 2));
        var e = Assert.Throws<InvalidDataException>(() => ExperimentLoader.Load(shard, 1));
        Assert.Contains(shard, e.Message, StringComparison.Ordinal);
        Assert.Contains("indices 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("implicitreg merge", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingTrajectoryIsRefusedNamingTheFile()
    {
        var copy = runs.Copy(runs.E2);
        var csv = Directory.GetFiles(Path.Combine(copy, SweepStore.RunsFolder), "*.csv").Order(StringComparer.Ordinal).Last();
        File.Delete(csv);
        var e = Assert.Throws<InvalidDataException>(() => ExperimentLoader.Load(copy, 1));
        Assert.Contains(Path.GetFileName(csv), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingResultsFileOrManifestIsRefused()
    {
        var copy = runs.Copy(runs.E3);
        File.Delete(Path.Combine(copy, Reproducer.ResultsFile));
        Assert.Contains("no results.json", Assert.Throws<InvalidDataException>(() => ExperimentLoader.Load(copy, 1)).Message, StringComparison.Ordinal);
        File.Delete(Path.Combine(copy, SweepStore.ManifestFile));
        Assert.Contains("sweep.json", Assert.Throws<InvalidDataException>(() => ExperimentLoader.Load(copy, 1)).Message, StringComparison.Ordinal);
        var missing = Path.Combine(copy, "nothing-here");
        Assert.Contains("is not a directory", Assert.Throws<InvalidDataException>(() => ExperimentLoader.Load(missing, 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrajectoryIsReadAsNumbersAndAFieldThatIsNotOneIsRefused()
    {
        var dir = runs.NewDirectory("csv");
        var good = Path.Combine(dir, "good.csv");
        File.WriteAllText(good, "step,loss,bound\n0,1.5,NaN\n10,2.5E-05,Infinity\n");
        var t = ExperimentLoader.ReadTrajectory(good);
        Assert.Equal(["step", "loss", "bound"], t.Header);
        Assert.Equal([1.5, 2.5e-5], t.Column("loss"));
        Assert.True(double.IsNaN(t.Column("bound")[0]) && double.IsPositiveInfinity(t.Column("bound")[1]));
        Assert.Throws<InvalidDataException>(() => t.Column("det"));
        var bad = Path.Combine(dir, "bad.csv");
        File.WriteAllText(bad, "step,loss\n0,1\n10,abc\n");
        var e = Assert.Throws<InvalidDataException>(() => ExperimentLoader.ReadTrajectory(bad));
        Assert.Contains("row 2, column 'loss'", e.Message, StringComparison.Ordinal);
    }
}
