using System.Globalization;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Models.Losses;

namespace ImplicitReg.Cli.Verbs.Derive;

/// <summary>
/// <c>implicitreg derive</c>: runs a derivation of the claims of docs/theory.md from the objective with the kernel and prints
/// its steps (text, LaTeX or JSON). Exit 0 when the result is proved equal to the published formula, 1 when
/// disproved (a witness is printed), 3 when only numerically equal.
/// </summary>
public sealed class DeriveVerb : ILegacyCliVerb
{
    public string Name => "derive";

    public string Summary => "derive gradient-flow dynamics (M1-M8) from the objective and check them";

    public string Usage =>
        """
        usage: implicitreg derive --list
               implicitreg derive <name> [--depth N] [--dims a,b,...] [--order k] [--components R]
                                         [--loss half-sse|mse|sse] [--format text|latex|json]

        Runs a derivation step by step with the computer-algebra kernel, starting from the objective phi, and
        compares the result with the published formula (docs/theory.md).
          --list       the derivations, their claims and options
          --depth N    depth of the factorization (or N of the scalar chain)
          --dims ...   layer sizes d_0,...,d_N (deep factorizations) or mode sizes (tensors)
          --order k    order of the CP tensor factorization
          --components R  CP components
          --loss ...   loss constant c: half-sse (1/2), mse (1/|Omega|), sse (1)
          --format     text (default), latex, or json (every equation's lhs, rhs and verdict)
        exit: 0 proved, 1 disproved (witness printed), 2 bad options, 3 numeric only
        """;

    public int Run(IReadOnlyList<string> args, CliIO io)
    {
        var a = CliArgs.Parse(args, ["list"]);
        bool list = a.Flag("list");
        var format = a.Choice("format", "text", "text", "latex", "json");
        var options = new DerivationOptions
        {
            Depth = NullableInt(a, "depth"),
            Dims = Dims(a.Option("dims")),
            Order = NullableInt(a, "order"),
            Components = NullableInt(a, "components"),
            Loss = Loss(a.Option("loss")),
        };
        a.EnsureAllUsed();
        if (list)
        {
            if (a.Positionals.Count > 0) throw new CliUsageException("--list takes no derivation name");
            WriteList(io.Out);
            return ExitCodes.Ok;
        }
        if (a.Positionals.Count != 1)
            throw new CliUsageException(a.Positionals.Count == 0
                ? "name a derivation (implicitreg derive --list shows them)"
                : $"one derivation at a time, got {a.Positionals.Count}: {string.Join(" ", a.Positionals)}");
        var info = DerivationRegistry.Find(a.Positionals[0])
            ?? throw new CliUsageException($"unknown derivation '{a.Positionals[0]}'; known: {string.Join(", ", DerivationRegistry.All.Select(d => d.Name))}");

        Derivation d;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            d = info.Run(options);
        }
        catch (DerivationOptionException e)
        {
            throw new CliUsageException($"{info.Name}: {e.Message} (options: {info.Options})");
        }
        clock.Stop();
        io.Out.Write(format switch
        {
            "json" => DerivationJson.Render(d),
            "latex" => DerivationLatex.Render(d),
            _ => DerivationText.Render(d) + $"time: {clock.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms\n",
        });
        return d.Conclusion switch
        {
            Verdict.Proved => ExitCodes.Ok,
            Verdict.Disproved => ExitCodes.Refuted,
            _ => ExitCodes.Unknown,
        };
    }

    private static void WriteList(TextWriter w)
    {
        w.WriteLine("derivations (implicitreg derive <name> [options]):");
        foreach (var d in DerivationRegistry.All)
        {
            w.WriteLine($"  {d.Name,-22} {d.Claim,-3} {d.Summary}");
            w.WriteLine($"  {"",-22}     options: {d.Options}");
        }
    }

    private static int? NullableInt(CliArgs a, string name) => a.Option(name) is null ? null : a.Int(name, 0);

    private static IReadOnlyList<int>? Dims(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var dims = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]) || dims[i] < 1)
                throw new CliUsageException($"--dims expects positive integers separated by commas (e.g. 2,3,3,2); item {i + 1} is '{parts[i]}'");
        return dims;
    }

    private static LossScale? Loss(string? text)
    {
        if (text is null) return null;
        return LossScales.TryParse(text, out var scale)
            ? scale
            : throw new CliUsageException($"--loss must be one of {string.Join("|", LossScales.Names)}, got '{text}'");
    }
}
