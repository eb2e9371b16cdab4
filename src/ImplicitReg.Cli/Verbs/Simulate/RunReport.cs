using System.Globalization;
using System.Text.Json;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// The parts of the final report every <c>simulate</c> model shares (identity, optimizer and how the run ended),
/// in JSON and in text; each model adds its own fields and final metrics.
/// </summary>
internal static class RunReport
{
    /// <summary>The JSON object of a finished run.</summary>
    /// <param name="modelFields">the model's fields between the loss and the optimizer.</param>
    /// <param name="withTime">whether the gradient-flow time of the run is reported (dmf).</param>
    /// <param name="finalFields">the model's final metrics, written last (nothing when there are none).</param>
    public static string Json(RunIdentity id, RunSchedule s, RunResult r, Action<Utf8JsonWriter> modelFields, bool withTime,
        Action<Utf8JsonWriter> finalFields) => JsonText.Render(w =>
    {
        w.WriteStartObject();
        w.WriteString("model", id.Model);
        w.WriteNumber("seed", id.Seed);
        w.WriteString("problem", id.Problem);
        w.WriteString("loss", id.Loss);
        modelFields(w);
        w.WriteString("optimizer", s.Optimizer.Name);
        Numbers.Write(w, "learningRate", s.Optimizer.LearningRate);
        w.WriteString("status", SimulateVerb.StatusName(r.Status));
        w.WriteNumber("steps", r.Steps);
        if (r.DivergedAt is { } at) w.WriteNumber("divergedAt", at);
        if (withTime) Numbers.Write(w, "time", r.Time);
        Numbers.Write(w, "stepsPerSecond", r.StepsPerSecond);
        Numbers.Write(w, "finalLoss", r.FinalLoss);
        finalFields(w);
        w.WriteEndObject();
    });

    /// <summary>The text report's opening lines: seed, problem, model, optimizer, how the run ended and its speed.</summary>
    /// <param name="problemLine">what follows <c>problem: </c>.</param>
    /// <param name="modelLine">the model's line, with its own label (<c>init: …</c>, <c>model: …</c>).</param>
    /// <param name="withTime">whether the gradient-flow time of the run is reported (dmf).</param>
    /// <param name="stepsPerSecondFormat">a numeric format: slow models (cp) show a decimal.</param>
    public static void WriteHeading(TextWriter o, RunIdentity id, string problemLine, string modelLine, RunSchedule s, RunResult r,
        bool withTime, string stepsPerSecondFormat)
    {
        o.WriteLine($"seed: {id.Seed}");
        o.WriteLine($"problem: {problemLine}");
        o.WriteLine(modelLine);
        o.WriteLine($"optimizer: {s.DescribeOptimizer()}");
        o.WriteLine($"run: {SimulateVerb.DescribeStatus(r, s.StopLoss)}{(withTime ? $", time {Numbers.Short(r.Time)}" : "")}");
        o.WriteLine($"steps per second: {r.StepsPerSecond.ToString(stepsPerSecondFormat, CultureInfo.InvariantCulture)}");
    }
}
