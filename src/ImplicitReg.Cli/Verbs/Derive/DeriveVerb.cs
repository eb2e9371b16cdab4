using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Reports.Tables;
using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Costs;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Models.Losses;

namespace ImplicitReg.Cli.Verbs.Derive;

/// <summary>
/// <c>implicitreg derive</c>: runs a derivation of the papers' claims from the objective with the kernel and prints
/// its steps (text, LaTeX or JSON). Each derivation is a sub-verb with exactly the options it reads (its registry
/// entry's <see cref="DerivationInfo.Options"/>), so <c>derive balancedness --order 3</c> is an unknown option, not
/// ignored. Exit 0 when the result is proved equal to the published formula, 1 when disproved (a witness is printed),
/// 3 when only numerically equal.
/// </summary>
public sealed partial class DeriveVerb : ICliVerb
{
    private const string DimsHelp =
        "sizes d0,d1,...,dN: layer j is the d_j x d_(j-1) matrix Wj, so W = WN...W1 is dN x d0 (tensors: the mode sizes d1,...,dN)";

    /// <inheritdoc />
    public string Name => "derive";

    /// <inheritdoc />
    public string Summary => "derive gradient-flow dynamics (M1-M8) from the objective and check them";

    /// <inheritdoc />
    public Command Build(CliIO io)
    {
        var list = CliOptions.Flag("--list", "the derivations, their claims and options");
        var derive = new VerbCommand(Name, Summary, "implicitreg derive layer-flow --depth 3 --dims 2,4,5,3",
            "0 proved, 1 disproved (witness printed), 2 bad options, 3 numeric only")
        {
            Notes = "Runs a derivation step by step with the computer-algebra kernel, starting from the objective phi, and\n" +
                    "compares the result with the published formula. --dims d0,...,dN: layer j is d_j x d_(j-1).",
        };
        derive.Options.Add(list);
        foreach (var info in DerivationRegistry.All) derive.Subcommands.Add(Derivation(info, io));
        return derive.Runs(r =>
        {
            if (!r.GetValue(list)) throw new CliUsageException("name a derivation (implicitreg derive --list shows them)");
            WriteList(io.Out);
            return ExitCodes.Ok;
        });
    }

    private static VerbCommand Derivation(DerivationInfo info, CliIO io)
    {
        var used = info.OptionKeys.ToHashSet(StringComparer.Ordinal);
        var depth = CliOptions.OptionalInt("--depth", "depth N of the factorization", min: 1, max: 64);
        var dims = CliOptions.Text("--dims", DimsHelp, "d0,...,dN");
        var order = CliOptions.OptionalInt("--order", "order N of the CP tensor factorization", min: 1, max: 16);
        var components = CliOptions.OptionalInt("--components", "CP components R, or measurements m", min: 1, max: 4096);
        var loss = CliOptions.OptionalChoice("--loss", "loss constant c: half-sse (1/2), mse (1/|Omega|), sse (1)", [.. LossScales.Names]);
        var format = CliOptions.Choice("--format", "text, latex, or json (every equation's lhs, rhs and verdict)", "text", "text", "latex", "json");
        var example = $"implicitreg derive {info.Name}" + (used.Contains("depth") ? " --depth 2" : "") + (used.Contains("dims") && used.Contains("depth") ? " --dims 2,3,2" : "");
        var command = new VerbCommand(info.Name, $"{info.Claim}: {info.Summary}", example)
        {
            Notes = $"Options of this derivation: {info.OptionsLine}.",
        };
        if (used.Contains("depth")) command.Options.Add(depth);
        if (used.Contains("dims")) command.Options.Add(dims);
        if (used.Contains("order")) command.Options.Add(order);
        if (used.Contains("components")) command.Options.Add(components);
        if (used.Contains("loss")) command.Options.Add(loss);
        command.Options.Add(format);
        // A refusal names the size options this derivation has (symmetric-flow has --dims and --components, no --depth).
        var sizeOptions = string.Join("/", new[] { "dims", "depth", "order", "components" }.Where(used.Contains).Select(o => "--" + o));
        return command.Runs(r =>
        {
            var lossName = r.GetValue(loss);
            var options = new DerivationOptions
            {
                Depth = r.GetValue(depth),
                Dims = Dims(r.GetValue(dims)),
                Order = r.GetValue(order),
                Components = r.GetValue(components),
                Loss = lossName is null ? null : LossScales.TryParse(lossName, out var scale) ? scale : null,
            };
            Budget.RequireWork(sizeOptions, DerivationCost.EstimateWork(info.Name, options), DerivationCost.WorkLimit, "expanded monomials");
            Budget.From(r).Require(sizeOptions, DerivationCost.EstimateBytes(info.Name, options), "the derivation's expressions");
            return Run(info, options, r.GetValue(format)!, io);
        });
    }

    private static int Run(DerivationInfo info, DerivationOptions options, string format, CliIO io)
    {
        Models.Derivations.Derivation d;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            d = info.Run(options);
        }
        catch (DerivationOptionException e)
        {
            throw new CliUsageException($"{info.Name}: {e.Message} (options: {info.OptionsLine})");
        }
        clock.Stop();
        io.Out.Write(format switch
        {
            "json" => DerivationJson.Render(d),
            "latex" => DerivationLatex.Render(d),
            _ => WithLayerShapes(DerivationText.Render(d)) + $"time: {clock.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms\n",
        });
        return d.Conclusion switch
        {
            Verdict.Proved => ExitCodes.Ok,
            Verdict.Disproved => ExitCodes.Refuted,
            _ => ExitCodes.Unknown,
        };
    }

    /// <summary>
    /// After the setting line of a deep matrix factorization ("model: deep matrix factorization, depth 3, dims
    /// 2,4,5,3"), the shape of each layer: "layers: W1: 4×2, W2: 5×4, W3: 3×5" (layer j is d_j × d_(j−1)).
    /// </summary>
    internal static string WithLayerShapes(string text)
    {
        var match = ModelLine().Match(text);
        if (!match.Success) return text;
        var dims = match.Groups[2].Value.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var shapes = string.Join(", ", Enumerable.Range(1, dims.Length - 1).Select(j => $"W{j}: {dims[j]}×{dims[j - 1]}"));
        return text.Insert(match.Index + match.Length, $"\n{match.Groups[1].Value}layers: {shapes} (Wj is d_j x d_(j-1); W = WN...W1 is {dims[^1]}×{dims[0]})");
    }

    [GeneratedRegex(@"^( +)model: deep matrix factorization, depth \d+, dims ([\d,]+)$", RegexOptions.Multiline)]
    private static partial Regex ModelLine();

    private static void WriteList(TextWriter w)
    {
        w.WriteLine("derivations (implicitreg derive <name> [options]; implicitreg derive <name> --help):");
        var table = TextTable.Create(TextTable.Left("derivation"), TextTable.Left("claim"), TextTable.Left("what it derives, and its options"));
        foreach (var d in DerivationRegistry.All) table.Row(d.Name, d.Claim, $"{d.Summary}\noptions: {d.OptionsLine}");
        w.Write(TextTable.Render(table));
    }

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
}
