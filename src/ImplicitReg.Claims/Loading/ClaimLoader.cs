using System.Text.RegularExpressions;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Experiments.Runs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImplicitReg.Claims.Loading;

/// <summary>The outcome of loading one claim file: the claim, or the diagnostics that kept it from loading.</summary>
public sealed record LoadedClaim(string File, ClaimSpec? Claim, IReadOnlyList<ClaimDiagnostic> Diagnostics)
{
    /// <summary>True when the file loaded without a problem.</summary>
    public bool Ok => Claim is not null && Diagnostics.Count == 0;
}

/// <summary>
/// Loads claim files (YAML, the format of proofs/README.md) with YamlDotNet's representation model, so every
/// node keeps its line and column: unknown keys, wrong types, bad formulas (parsed by the kernel), unknown
/// derivations and duplicate ids become <c>file:line:column: message</c> diagnostics. A file with any
/// diagnostic does not load, but never stops the others.
/// </summary>
public static partial class ClaimLoader
{
    private static readonly string[] TopKeys = ["id", "title", "source", "theory", "statement", "assumptions", "model", "checks"];
    private static readonly string[] SourceKeys = ["paper", "where"];
    private static readonly string[] StatementKeys = ["prose", "formulas"];
    private static readonly string[] ModelKeys = ["factorization", "depth", "depths", "dims", "loss", "problem", "observations"];
    private static readonly string[] Factorizations = ["deep-matrix", "cp-tensor", "symmetric", "nonnegative"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>
    /// Loads one file; <paramref name="displayPath"/> is how diagnostics name it. <paramref name="limits"/> (the command
    /// line's memory budget and work limit) refuses a simulate or compare run over them as a diagnostic at its key.
    /// </summary>
    public static LoadedClaim LoadFile(string path, string? displayPath = null, RunLimits? limits = null)
    {
        var shown = displayPath ?? path;
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new LoadedClaim(shown, null, [new ClaimDiagnostic(shown, 1, 1, $"cannot read the file: {e.Message}")]);
        }
        return Load(text, shown, Path.GetFileNameWithoutExtension(path), limits);
    }

    /// <summary>
    /// Loads claim text; <paramref name="expectedId"/> is the file name the id must equal (null: not checked);
    /// <paramref name="limits"/> as in <see cref="LoadFile"/>.
    /// </summary>
    public static LoadedClaim Load(string text, string file, string? expectedId, RunLimits? limits = null)
    {
        var r = new YamlReader(file);
        var stream = new YamlStream();
        WrittenItems written;
        try
        {
            written = WrittenItems.Of(text, MaxNesting);
            if (written.TooDeep is { } deep)
                return new LoadedClaim(file, null, [new ClaimDiagnostic(file, (int)deep.Line, (int)deep.Column,
                    $"mappings and lists nested deeper than {MaxNesting} levels; a claim file needs about five (see proofs/README.md)")]);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            // A tab is the commonest cause, and YamlDotNet's wording does not say what to do about it.
            var hint = message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? "; indent with spaces, YAML does not allow tabs there" : "";
            return new LoadedClaim(file, null, [new ClaimDiagnostic(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column), $"not valid YAML: {Clean(message)}{hint}")]);
        }
        if (stream.Documents.Count != 1)
            return new LoadedClaim(file, null, [new ClaimDiagnostic(file, 1, 1, $"a claim file holds exactly one YAML document, found {stream.Documents.Count}")]);
        var root = stream.Documents[0].RootNode;
        var claim = ReadClaim(r, root, expectedId, limits, written);
        return new LoadedClaim(file, r.Diagnostics.Count == 0 ? claim : null, r.Diagnostics);
    }

    private static ClaimSpec? ReadClaim(YamlReader r, YamlNode root, string? expectedId, RunLimits? limits, WrittenItems written)
    {
        var map = r.Mapping(root, "the claim", TopKeys);
        if (map is null) return null;
        var idNode = r.Required(map, root, "id", "the claim");
        var id = idNode is null ? null : r.String(idNode, "id");
        if (id is not null && idNode is not null)
        {
            if (!IdPattern().IsMatch(id)) r.Error(idNode, $"id '{id}' must be lower-case letters, digits and single dashes ([a-z0-9-]+)");
            else if (expectedId is not null && id != expectedId) r.Error(idNode, $"id '{id}' must equal the file name '{expectedId}' (rename the file or the id)");
        }
        var titleNode = r.Required(map, root, "title", "the claim");
        var title = titleNode is null ? null : r.String(titleNode, "title");

        SourceSpec? source = null;
        if (map.TryGetValue("source", out var src) && r.Mapping(src.Value, "source", SourceKeys) is { } sm)
        {
            var paper = r.Required(sm, src.Value, "paper", "source") is { } p ? r.String(p, "source.paper") : null;
            var where = sm.TryGetValue("where", out var w) ? r.String(w.Value, "source.where") : null;
            if (paper is not null) source = new SourceSpec(paper, where);
        }
        var theory = map.TryGetValue("theory", out var th) ? r.String(th.Value, "theory") : null;

        string? prose = null;
        var formulas = new List<FormulaSpec>();
        if (map.TryGetValue("statement", out var st) && r.Mapping(st.Value, "statement", StatementKeys) is { } stm)
        {
            if (stm.TryGetValue("prose", out var pr)) prose = r.String(pr.Value, "statement.prose");
            if (stm.TryGetValue("formulas", out var fs) && r.Sequence(fs.Value, "statement.formulas") is { } items)
                foreach (var item in items)
                    if (r.Formula(item, "statement.formulas", statement: true) is { } f) formulas.Add(f);
        }

        var assumptions = new List<AssumptionSpec>();
        if (map.TryGetValue("assumptions", out var asn) && r.Sequence(asn.Value, "assumptions") is { } aItems)
        {
            foreach (var item in aItems)
            {
                if (item is YamlMappingNode)
                {
                    if (r.Mapping(item, "an assumption", ["prose"]) is { } am && r.Required(am, item, "prose", "an assumption") is { } pn &&
                        r.String(pn, "assumptions.prose") is { } text)
                        assumptions.Add(new AssumptionSpec(null, text));
                }
                else if (r.Formula(item, "assumptions", statement: true) is { } f) assumptions.Add(new AssumptionSpec(f, null));
            }
        }

        var model = map.TryGetValue("model", out var mo) ? ReadModel(r, mo.Value) : new ModelSpec();

        var checks = new List<CheckSpec>();
        var checksNode = r.Required(map, root, "checks", "the claim");
        if (checksNode is not null && r.Sequence(checksNode, "checks") is { } cItems)
        {
            if (cItems.Count == 0) r.Error(checksNode, "checks is empty: a claim needs at least one check");
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            for (int i = 0; i < cItems.Count; i++)
            {
                if (CheckReader.Read(r, cItems[i], model, limits) is not { } check) continue;
                // An item written as an alias (- *first) is the anchor's node: its duplicate is reported where the alias is written.
                var mark = written.ItemAt(checksNode, i, cItems[i].Start);
                var at = new SourceLocation(r.File, (int)mark.Line, (int)mark.Column);
                if (seen.TryGetValue(check.Id, out var first))
                {
                    var how = cItems.Take(i).Contains(cItems[i], ReferenceEqualityComparer.Instance) ? ", repeated here by an alias" : "";
                    r.Error(at, $"duplicate check id '{check.Id}' (first at line {first.Line}{how}); check ids are unique within a claim");
                }
                else seen[check.Id] = at;
                checks.Add(check);
            }
        }
        if (id is null || title is null) return null;
        return new ClaimSpec
        {
            Id = id,
            Title = title,
            File = r.File,
            Source = source,
            Theory = theory,
            Prose = prose,
            Formulas = formulas,
            Assumptions = assumptions,
            Model = model,
            Checks = checks,
        };
    }

    private static ModelSpec ReadModel(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "model", ModelKeys);
        if (m is null) return new ModelSpec();
        var spec = new ModelSpec
        {
            Factorization = m.TryGetValue("factorization", out var f) ? r.Choice(f.Value, "model.factorization", Factorizations) : null,
            Depth = m.TryGetValue("depth", out var d) ? r.Int(d.Value, "model.depth") : null,
            Depths = m.TryGetValue("depths", out var ds) ? r.IntList(ds.Value, "model.depths") : null,
            Dims = m.TryGetValue("dims", out var dm) ? r.IntList(dm.Value, "model.dims") : null,
            Loss = m.TryGetValue("loss", out var l) ? r.Choice(l.Value, "model.loss", "half-sse", "mse", "sse") : null,
            Problem = m.TryGetValue("problem", out var p) ? r.String(p.Value, "model.problem") : null,
            Observations = m.TryGetValue("observations", out var o) ? ReadObservations(r, o.Value) : null,
        };
        if (spec.Depth is not null && spec.Depths is not null) r.Error(node, "model gives both depth and depths; keep one");
        if (spec.Depth is < 1) r.Error(m["depth"].Value, "model.depth must be at least 1");
        if (spec.Dims is { } dims && (dims.Any(x => x < 1) || (spec.Depth is { } n && dims.Count != n + 1)))
            r.Error(m["dims"].Value, $"model.dims must be {(spec.Depth is { } k ? k + 1 : "depth + 1")} positive sizes d0 .. dN");
        return spec;
    }

    private static List<ObservationSpec>? ReadObservations(YamlReader r, YamlNode node)
    {
        var items = r.Sequence(node, "model.observations");
        if (items is null) return null;
        var list = new List<ObservationSpec>();
        foreach (var item in items)
        {
            var m = r.Mapping(item, "an observation", ["entry", "target"]);
            if (m is null) continue;
            var entry = r.Required(m, item, "entry", "an observation") is { } e ? r.IntList(e, "observation entry") : null;
            var target = r.Required(m, item, "target", "an observation") is { } t ? r.Double(t, "observation target") : null;
            if (entry is { Count: not 2 } || entry?.Any(x => x < 1) == true)
                r.Error(m["entry"].Value, "observation entry must be a 1-based [row, column] pair");
            else if (entry is not null && target is { } y) list.Add(new ObservationSpec(entry[0], entry[1], y));
        }
        return list;
    }

    /// <summary>Deepest nesting of mappings and lists a claim file may have (the catalogue's is 5).</summary>
    public const int MaxNesting = 64;

    // YamlDotNet's messages start with "(Line: 3, Col: 5, Idx: 40) - (…): "; the position is already in front.
    private static string Clean(string message)
    {
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(i + 3)..] : message;
    }
}
