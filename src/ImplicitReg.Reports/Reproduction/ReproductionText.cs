using ImplicitReg.Experiments.Reproduction;
using ImplicitReg.Experiments.Sweeps;
using ImplicitReg.Reports.Tables;

namespace ImplicitReg.Reports.Reproduction;

/// <summary>
/// The text summary of a reproduction (<c>summary.txt</c>, and what <c>reproduce</c> and <c>merge</c> print): the
/// experiment and its setup, the results — lines as they are, tables laid out by <see cref="TextTable"/> — and each
/// claim of the paper with its verdict and evidence.
/// </summary>
public static class ReproductionText
{
    /// <summary>The whole summary, LF line ends, no trailing spaces.</summary>
    public static string Render(IReproduction experiment, SweepManifest manifest, ReproductionSummary summary)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine($"{experiment.Name}: {experiment.Title}");
        foreach (var line in manifest.Settings) w.WriteLine($"  {line}");
        w.Write(Results(summary));
        w.WriteLine("claims:");
        foreach (var c in summary.Claims)
        {
            w.WriteLine($"  [{c.SupportName}] {c.Claim}");
            w.WriteLine($"    {c.Evidence}");
        }
        return w.ToString();
    }

    /// <summary>The results of a summary as text: its lines as they are, its tables laid out; LF line ends.</summary>
    public static string Results(ReproductionSummary summary)
    {
        var w = new StringWriter { NewLine = "\n" };
        foreach (var part in summary.Parts)
        {
            switch (part)
            {
                case SummaryLine l:
                    w.WriteLine(l.Text.TrimEnd());
                    break;
                case SummaryTable t:
                    w.Write(Table(t));
                    break;
            }
        }
        return w.ToString();
    }

    /// <summary>One table of a summary, as text (number columns right-aligned).</summary>
    /// <exception cref="ArgumentException">A row has more or fewer cells than there are columns (a bug in the experiment's summary).</exception>
    public static string Table(SummaryTable table)
    {
        var numbers = table.NumberColumns ?? [];
        var t = TextTable.Create([.. table.Columns.Select((c, i) => numbers.Contains(i) ? TextTable.Right(c) : TextTable.Left(c))]);
        foreach (var row in table.Rows)
        {
            if (row.Count != table.Columns.Count)
                throw new ArgumentException($"a summary row has {row.Count} cells for {table.Columns.Count} columns ({string.Join(", ", table.Columns)})");
            t.Row([.. row]);
        }
        return TextTable.Render(t);
    }
}
