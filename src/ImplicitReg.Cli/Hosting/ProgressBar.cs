using System.Diagnostics;
using System.Globalization;
using ImplicitReg.Cli.Hosting;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// A one-line progress bar on stderr for long runs, drawn only when stderr is a terminal
/// (<see cref="CliIO.IsInteractive"/>) and at most ten times a second; it erases itself when done, so
/// redirected output and tests never see it.
/// </summary>
public sealed class ProgressBar
{
    private const int Width = 30;
    private readonly TextWriter? _err;
    private readonly string _label;
    private readonly double _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _lastDraw = double.NegativeInfinity;

    public ProgressBar(CliIO io, string label, double total)
    {
        _err = io.IsInteractive ? io.Err : null;
        _label = label;
        _total = total;
    }

    /// <summary>Reports progress <paramref name="done"/> out of the total, with an optional rate unit ("steps").</summary>
    public void Report(double done, string unit = "")
    {
        if (_err is null) return;
        var now = _clock.Elapsed.TotalSeconds;
        if (now - _lastDraw < 0.1) return;
        _lastDraw = now;
        var fraction = _total > 0 ? Math.Clamp(done / _total, 0, 1) : 0;
        int filled = (int)(fraction * Width);
        var rate = now > 0 ? done / now : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"\r{_label} [{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,5:F1}%");
        if (unit.Length > 0) line += string.Create(CultureInfo.InvariantCulture, $" {done:N0}/{_total:N0} {unit}, {rate:N0} {unit}/s");
        _err.Write(line);
        _err.Flush();
    }

    /// <summary>Erases the bar.</summary>
    public void Finish()
    {
        if (_err is null || double.IsNegativeInfinity(_lastDraw)) return;
        _err.Write("\r" + new string(' ', Width + _label.Length + 60) + "\r");
        _err.Flush();
    }
}
