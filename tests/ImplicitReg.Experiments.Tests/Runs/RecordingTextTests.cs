using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Experiments.Tests.Runs;

/// <summary>
/// The note that a run stopped early kept few rows: shown only then (not for a run that used its step limit, nor for
/// one that kept enough rows), and its suggested period really records about 200 rows of the steps run.
/// </summary>
public sealed class RecordingTextTests
{
    private static RunResult Ended(RunStatus status, long steps) => new(status, steps, 1e-4, steps * 3e-3, 0.1, null);

    [Fact]
    public void AnEarlyStoppedRunWithFewRowsSaysHowManyAndHowToRecordMore()
    {
        Assert.Equal("only 2 rows recorded, one every 10000 steps: the run stopped at step 1546 of 2000000; --record-every 7 would record about 221",
            RecordingText.FewRowsNote(Ended(RunStatus.Converged, 1546), 2_000_000, 10_000, 2, "--record-every"));
        Assert.Equal("run.record-every 7 would record about 221",
            RecordingText.Suggestion(Ended(RunStatus.Converged, 1546), 2_000_000, 10_000, 2, "run.record-every"));
        Assert.Equal("1 row recorded, one every 1 step", RecordingText.Rows(1, 1));
    }

    [Fact]
    public void NoNoteForARunThatUsedItsStepsOrKeptEnoughRows()
    {
        Assert.Null(RecordingText.FewRowsNote(Ended(RunStatus.StepLimit, 2_000_000), 2_000_000, 10_000, 201, "--record-every"));
        Assert.Null(RecordingText.FewRowsNote(Ended(RunStatus.StepLimit, 30), 30, 1000, 2, "--record-every"));
        Assert.Null(RecordingText.FewRowsNote(Ended(RunStatus.Converged, 1546), 2_000_000, 100, RecordingText.FewRows, "--record-every"));
        Assert.NotNull(RecordingText.FewRowsNote(Ended(RunStatus.Converged, 1546), 2_000_000, 100, RecordingText.FewRows - 1, "--record-every"));
    }

    [Fact]
    public void TheSuggestedPeriodIsAlwaysShorterThanTheOneThatGaveTooFewRows()
    {
        // 150 steps at a period of 100 kept 3 rows; a 200th of 150 steps is 0, so the period suggested is 1 (151 rows).
        Assert.Equal("--record-every 1 would record about 151", RecordingText.Suggestion(Ended(RunStatus.Converged, 150), 20_000, 100, 3, "--record-every"));
        // 9000 steps at a period of 2000: a 200th would be 45.
        Assert.Equal("--record-every 45 would record about 201", RecordingText.Suggestion(Ended(RunStatus.Converged, 9000), 400_000, 2000, 6, "--record-every"));
    }

    [Fact]
    public void TheRecordCountCountsEveryRecordAlsoWhenOnlyTheLastIsKept()
    {
        var spec = new RunSpec
        {
            Model = "dmf", Problem = "2x2", Depth = 2, InitStd = 0.1, PositiveDet = true, LearningRate = 3e-3,
            Steps = 2_000_000, StopLoss = 1e-4, Seed = 3,
        };
        using var kept = PreparedRun.Prepare(spec);
        var all = RecordedRun.Execute(kept);
        using var streamed = PreparedRun.Prepare(spec);
        var last = RecordedRun.Execute(streamed, new RecordingHooks { KeepRows = false });
        Assert.Equal(2, all.Rows.Count);
        Assert.Equal(2, all.RecordCount);
        Assert.Single(last.Rows);
        Assert.Equal(2, last.RecordCount);
        Assert.Equal(1546, all.Result.Steps);
    }
}
