using Spectre.Console;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// Progress of a long run on stderr, drawn by Spectre.Console only when stderr is a terminal
/// (<see cref="CliIO.IsInteractive"/>); Spectre honours <c>NO_COLOR</c>. Redirected output and tests never see it.
/// </summary>
public static class CliProgress
{
    /// <summary>
    /// Runs <paramref name="work"/>, which reports progress (out of <paramref name="total"/>) through the action it
    /// is given; the bar disappears when the work ends.
    /// </summary>
    public static T Run<T>(CliIO io, string label, double total, Func<Action<double>, T> work)
    {
        if (!io.IsInteractive) return work(_ => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.RawErr),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });
        if (!console.Profile.Capabilities.Interactive) return work(_ => { });
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: total > 0 ? total : 1);
                // Spectre refreshes on its own timer; setting the value is cheap and thread-safe.
                return work(done => task.Value = Math.Clamp(done, 0, task.MaxValue));
            });
    }
}
