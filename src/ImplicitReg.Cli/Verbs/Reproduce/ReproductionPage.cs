using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Reports.Experiments;
using ImplicitReg.Reports.Html;

namespace ImplicitReg.Cli.Verbs.Reproduce;

/// <summary>
/// The report page <c>reproduce</c> and <c>merge</c> write beside a complete sweep: DIR/report.html (the
/// experiment's section alone, self-contained), DIR/report.md and DIR/data/*.csv.
/// </summary>
public static class ReproductionPage
{
    /// <summary>
    /// Writes the page of the complete sweep just summarised into <see cref="ReproductionResult.Directory"/> (from the
    /// records and summary in hand: nothing is read or summarised again) and returns the line that names it.
    /// </summary>
    public static string Write(ReproductionResult result)
    {
        var directory = result.Directory;
        try
        {
            var section = ExperimentLoader.Load(result, 1);
            ExperimentPage.Write(section);
            return $"report: {Path.Combine(directory, ReportBundle.HtmlFile)} ({section.Figures.Count} figures; also report.md, data/)";
        }
        catch (InvalidDataException e)
        {
            throw new CliUsageException($"the sweep is complete but its report cannot be drawn: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write the report into '{directory}': {e.Message}");
        }
    }
}
