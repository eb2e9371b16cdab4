using ImplicitReg.Claims.Results;
using ImplicitReg.Experiments.Runs;
using YamlDotNet.RepresentationModel;

namespace ImplicitReg.Claims.Loading;

/// <summary>
/// Reads a run specification (the options of <c>implicitreg simulate dmf|cp|sym</c>, same names without dashes)
/// from a YAML mapping, remembering where each option is written so that an invalid value found when the run is
/// built is reported at its own line.
/// </summary>
internal static class RunSpecYaml
{
    private delegate RunSpec Setter(RunSpec spec, YamlReader r, YamlNode node, string what);

    private static readonly Dictionary<string, Setter> Setters = new(StringComparer.Ordinal)
    {
        ["seed"] = (s, r, n, w) => Seed(r, n, w) is { } x ? s with { Seed = x } : s,
        ["loss"] = (s, r, n, w) => r.String(n, w) is { } x ? s with { Loss = x } : s,
        ["optimizer"] = (s, r, n, w) => r.Choice(n, w, "gd", "group-rmsprop", "normalized") is { } x ? s with { Optimizer = x } : s,
        ["lr"] = (s, r, n, w) => r.Double(n, w) is { } x ? s with { LearningRate = x } : s,
        ["eps"] = (s, r, n, w) => r.Double(n, w) is { } x ? s with { Epsilon = x } : s,
        ["steps"] = (s, r, n, w) => r.Long(n, w) is { } x ? s with { Steps = x } : s,
        ["stop-loss"] = (s, r, n, w) => r.Double(n, w) is { } x ? s with { StopLoss = x } : s,
        ["record-every"] = (s, r, n, w) => r.Long(n, w) is { } x ? s with { RecordEvery = x } : s,
        ["top"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Top = x } : s,
        ["problem"] = (s, r, n, w) => r.String(n, w) is { } x ? s with { Problem = x } : s,
        ["depth"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Depth = x } : s,
        ["shape"] = (s, r, n, w) => r.String(n, w) is { } x ? s with { Shape = x } : s,
        ["hidden"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Hidden = x } : s,
        ["rank"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Rank = x } : s,
        ["observed"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Observed = x } : s,
        ["sensing"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Sensing = x } : s,
        ["init"] = (s, r, n, w) => r.String(n, w) is { } x ? s with { Init = x } : s,
        ["init-scale"] = (s, r, n, w) => r.Double(n, w) is { } x ? s with { InitScale = x } : s,
        ["init-std"] = (s, r, n, w) => r.Double(n, w) is { } x ? s with { InitStd = x } : s,
        ["positive-det"] = (s, r, n, w) => r.Bool(n, w) is { } x ? s with { PositiveDet = x } : s,
        ["entries"] = (s, r, n, w) => r.String(n, w) is { } x ? s with { Entries = x } : s,
        ["sizes"] = (s, r, n, w) => r.String(n, w) is { } x ? s with { Sizes = x } : s,
        ["components"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Components = x } : s,
        ["size"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Size = x } : s,
        ["columns"] = (s, r, n, w) => r.Int(n, w) is { } x ? s with { Columns = x } : s,
    };

    // A seed outside RunSeed's range (negative, or past int's) is reported at its value with the verbs' wording.
    private static int? Seed(YamlReader r, YamlNode node, string what)
    {
        if (r.Long(node, what) is not { } seed) return null;
        if (RunSeed.Problem(seed) is not { } problem) return (int)seed;
        r.Error(node, $"{what} {problem}");
        return null;
    }

    /// <summary>
    /// Applies the options of <paramref name="map"/> whose names are in <paramref name="names"/> to <paramref name="spec"/>;
    /// records each option's location in <paramref name="locations"/>.
    /// </summary>
    public static RunSpec Apply(RunSpec spec, YamlReader r, Dictionary<string, (YamlDotNet.RepresentationModel.YamlScalarNode Key, YamlNode Value)> map,
        IEnumerable<string> names, string what, Dictionary<string, SourceLocation> locations)
    {
        foreach (var name in names)
        {
            if (!map.TryGetValue(name, out var kv) || !Setters.TryGetValue(name, out var set)) continue;
            spec = set(spec, r, kv.Value, $"{what}.{name}");
            locations[name] = r.At(kv.Value);
        }
        return spec;
    }

    /// <summary>
    /// Builds the run once to validate it (cheap: problems and initial layers, no steps), reporting an invalid option or a
    /// run over the limits at its location (or at <paramref name="fallback"/>). Returns false when invalid.
    /// </summary>
    public static bool Validate(YamlReader r, Func<object> build, Dictionary<string, SourceLocation> locations, YamlNode fallback, string what)
    {
        try
        {
            if (build() is IDisposable d) d.Dispose();
            return true;
        }
        catch (RunSpecException e)
        {
            // A limit names every option that implies it (shape/hidden): the first one the file writes is where it is reported.
            var names = e.Option?.Split('/') ?? [];
            var written = names.FirstOrDefault(locations.ContainsKey);
            var at = written is not null ? locations[written] : r.At(fallback);
            var name = written is not null ? $"{what}.{written}" : names.Length == 0 ? null : string.Join("/", names.Select(n => $"{what}.{n}"));
            r.Error(at, name is null ? $"{what}: {e.Reason}" : $"{name} {e.Reason}");
            return false;
        }
    }
}
