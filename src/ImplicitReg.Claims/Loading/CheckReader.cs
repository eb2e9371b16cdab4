using ImplicitReg.Claims.Checks;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Schema;
using ImplicitReg.Experiments.FlowVsDescent;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Dmf;
using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Solver.Proving;
using YamlDotNet.RepresentationModel;

namespace ImplicitReg.Claims.Loading;

/// <summary>Reads one entry of a claim's <c>checks:</c> list (common keys, then the keys of its kind).</summary>
internal static class CheckReader
{
    private static readonly string[] Common = ["id", "kind", "expect", "note"];
    private static readonly string[] DeriveKeys = [.. Common, "derivation", "options", "published", "snapshot"];
    private static readonly string[] ProveKeys = [.. Common, "statement", "statements", "assume", "lemmas", "uses", "timeout-ms"];
    private static readonly string[] LemmaKeys = ["statement", "uses"];
    private static readonly string[] CompareKeys = [.. Common, "compare", "options", "order", "tolerance"];
    private static readonly string[] CompareOwnKeys = ["time", "lr", "halvings", "steps", "samples", "rtol", "atol"];
    private static readonly string[] SimulateKeys = [.. Common, "run", "predicates"];
    private static readonly string[] PredicateKeys = ["name", "at", "where", "holds", "kind", "quantity"];
    private static readonly string[] Kinds = ["derive", "prove", "compare", "simulate"];

    public static CheckSpec? Read(YamlReader r, YamlNode node, ModelSpec model, RunLimits? limits = null)
    {
        // The kind decides the allowed keys, so it is read first from the raw mapping.
        if (node is not YamlMappingNode raw)
        {
            r.Error(node, $"each check must be a mapping with id, kind and expect, found {YamlReader.Describe(node)}");
            return null;
        }
        var kindNode = raw.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "kind" }).Value;
        if (kindNode is null)
        {
            r.Error(node, $"the check is missing the required key 'kind' ({string.Join(", ", Kinds)})");
            return null;
        }
        var kind = r.Choice(kindNode, "kind", Kinds);
        if (kind is null) return null;
        var map = r.Mapping(node, $"a {kind} check", kind switch
        {
            "derive" => DeriveKeys,
            "prove" => ProveKeys,
            "compare" => CompareKeys,
            _ => SimulateKeys,
        });
        if (map is null) return null;
        var idNode = r.Required(map, node, "id", "the check");
        var id = idNode is null ? null : r.String(idNode, "check id");
        if (id is not null && idNode is not null && !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            r.Error(idNode, $"check id '{id}' must be lower-case letters, digits and dashes");
            id = null;
        }
        var expectNode = r.Required(map, node, "expect", "the check");
        var expectText = expectNode is null ? null : r.Choice(expectNode, "expect", "holds", "refuted");
        var note = map.TryGetValue("note", out var nn) ? r.String(nn.Value, "note") : null;
        CheckSpec? spec = kind switch
        {
            "derive" => Derive(r, node, map, model, limits),
            "prove" => Prove(r, node, map, id ?? "?"),
            "compare" => Compare(r, node, map, model, limits),
            _ => Simulate(r, node, map, model, limits),
        };
        if (spec is null || id is null || expectText is null) return null;
        return spec with
        {
            Id = id,
            Expect = expectText == "holds" ? Expectation.Holds : Expectation.Refuted,
            Location = r.At(node),
            Note = note,
        };
    }

    private static DeriveCheckSpec? Derive(YamlReader r, YamlNode node, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, ModelSpec model, RunLimits? limits)
    {
        int start = r.Diagnostics.Count;
        DerivationInfo? info = null;
        if (r.Required(map, node, "derivation", "a derive check") is { } dn && r.String(dn, "derivation") is { } name)
        {
            info = DerivationRegistry.Find(name);
            if (info is null)
            {
                var names = DerivationRegistry.All.Select(d => d.Name).ToList();
                var hint = YamlReader.Closest(name, names) is { } c ? $"did you mean '{c}'? " : "";
                r.Error(dn, $"unknown derivation '{name}'; {hint}known: {string.Join(", ", names)} (implicitreg derive --list)");
            }
        }
        var options = new DerivationOptions { Depth = model.Depth, Dims = model.Dims, Loss = ParseLoss(model.Loss) };
        if (map.TryGetValue("options", out var on) && r.Mapping(on.Value, "options of a derive check", DerivationOption.Keys) is { } o)
        {
            if (o.TryGetValue("depth", out var d) && r.Int(d.Value, "options.depth") is { } depth) options = options with { Depth = depth };
            if (o.TryGetValue("dims", out var ds) && r.IntList(ds.Value, "options.dims") is { } dims) options = options with { Dims = dims };
            if (o.TryGetValue("order", out var od) && r.Int(od.Value, "options.order") is { } order) options = options with { Order = order };
            if (o.TryGetValue("components", out var cs) && r.Int(cs.Value, "options.components") is { } comps) options = options with { Components = comps };
            if (o.TryGetValue("loss", out var l) && r.Choice(l.Value, "options.loss", [.. LossScales.Names]) is { } loss) options = options with { Loss = ParseLoss(loss) };
        }
        if (options.Depth is null && model.Depths is { Count: > 0 } depths)
            r.Error(node, $"the model lists depths [{string.Join(", ", depths)}]; pick one with options: {{depth: N}}");
        var published = new Dictionary<string, string>(StringComparer.Ordinal);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (map.TryGetValue("published", out var pn))
        {
            if (pn.Value is not YamlMappingNode pm) r.Error(pn.Value, "published must be a mapping of the derivation's formula keys to formulas");
            else
                foreach (var (k, v) in pm.Children)
                {
                    if (k is not YamlScalarNode { Value: { } key }) { r.Error(k, "a published formula key must be a name"); continue; }
                    if (r.String(v, $"published.{key}") is not { } formula) continue;
                    if (string.IsNullOrWhiteSpace(formula)) { r.Error(v, $"published.{key} is empty"); continue; }
                    published[key] = formula;
                    locations[key] = r.At(v);
                    if (info is not null) PublishedKeys.Check(r, info, key, k);
                    if (info?.Published.FirstOrDefault(p => p.Key == key) is { } paper && DeriveValidation.FormulaProblem(paper, formula) is { } problem)
                        r.Error(v, $"published.{key} does not parse: {problem}");
                }
        }
        var optionsAt = map.TryGetValue("options", out var at) ? r.At(at.Value) : r.At(node);
        // The derivation's own limits and names first, as it would judge them when it runs (depth 30 is "at most 12",
        // clearer than its work), then the work limit and memory budget of `derive` for what it accepts.
        if (info is not null && r.Diagnostics.Count == start) DeriveValidation.CheckOptions(r, optionsAt, info, options with { Published = published }, locations);
        if (info is not null && r.Diagnostics.Count == start) DeriveValidation.CheckCost(r, optionsAt, info, options, limits);
        bool snapshot = map.TryGetValue("snapshot", out var sn) && r.Bool(sn.Value, "snapshot") == true;
        return info is null ? null : new DeriveCheckSpec(info, options, published, locations, snapshot)
        {
            Id = "", Expect = Expectation.Holds, Location = r.At(node),
        };
    }

    private static ProveCheckSpec? Prove(YamlReader r, YamlNode node, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, string id)
    {
        var statements = new List<FormulaSpec>();
        bool ok = true;
        if (map.TryGetValue("statement", out var s))
        {
            if (r.Formula(s.Value, "statement", statement: true) is { } f) statements.Add(f);
            else ok = false;
        }
        if (map.TryGetValue("statements", out var ss) && r.Sequence(ss.Value, "statements") is { } items)
            foreach (var item in items)
            {
                if (r.Formula(item, "statements", statement: true) is { } f) statements.Add(f);
                else ok = false;
            }
        if (ok && statements.Count == 0) { r.Error(node, "a prove check needs 'statement' (or a 'statements' list)"); ok = false; }
        var assume = new List<FormulaSpec>();
        if (map.TryGetValue("assume", out var a) && r.Sequence(a.Value, "assume") is { } aItems)
            foreach (var item in aItems)
            {
                if (r.Formula(item, "assume", statement: true) is { } f) assume.Add(f);
                else ok = false;
            }
        var lemmas = new List<LemmaSpec>();
        var lItems = map.TryGetValue("lemmas", out var l) ? r.Sequence(l.Value, "lemmas") : [];
        for (var k = 1; k <= (lItems?.Count ?? 0); k++)
        {
            if (Lemma(r, lItems![k - 1], k, id) is { } lemma) lemmas.Add(lemma);
            else ok = false;
        }
        IReadOnlyList<int>? uses = null;
        if (map.TryGetValue("uses", out var u))
        {
            if (lItems is { Count: 0 }) { r.Error(u.Key, $"check '{id}': 'uses' names lemmas of the check's 'lemmas' list, and it has none"); ok = false; }
            else if ((uses = Uses(r, u.Value, $"check '{id}', the statement", lItems?.Count ?? 0)) is null) ok = false;
        }
        int timeout = 10_000;
        if (map.TryGetValue("timeout-ms", out var t))
        {
            var ms = r.Int(t.Value, "timeout-ms");
            if (ms is >= 1 and <= 600_000) timeout = ms.Value;
            else
            {
                if (ms is not null) r.Error(t.Value, "timeout-ms must be between 1 and 600000");
                ok = false;
            }
        }
        return ok ? new ProveCheckSpec(statements, assume, timeout) { Lemmas = lemmas, Uses = uses, Id = "", Expect = Expectation.Holds, Location = r.At(node) } : null;
    }

    // A lemma: a statement (it uses every earlier lemma) or {statement: "...", uses: [1, 7]} (only those).
    private static LemmaSpec? Lemma(YamlReader r, YamlNode item, int k, string id)
    {
        if (item is not YamlMappingNode)
            return r.Formula(item, "lemmas", statement: true) is { } plain ? new LemmaSpec(plain, null) : null;
        var m = r.Mapping(item, $"lemma {k}", LemmaKeys);
        if (m is null) return null;
        var formula = r.Required(m, item, "statement", $"lemma {k}") is { } sn ? r.Formula(sn, $"lemma {k}", statement: true) : null;
        IReadOnlyList<int>? uses = null;
        bool ok = true;
        if (m.TryGetValue("uses", out var u))
        {
            uses = Uses(r, u.Value, $"check '{id}', lemma {k}", k - 1);
            ok = uses is not null;
        }
        return formula is not null && ok ? new LemmaSpec(formula, uses) : null;
    }

    // The lemma numbers a step uses: each an earlier lemma (1 .. before), none twice; reported at the number.
    private static List<int>? Uses(YamlReader r, YamlNode node, string what, int before)
    {
        var items = r.Sequence(node, $"{what} 'uses'");
        if (items is null) return null;
        var list = new List<int>();
        bool ok = true;
        foreach (var item in items)
        {
            if (r.Int(item, $"each item of {what} 'uses'") is not { } k) { ok = false; continue; }
            if (LemmaChain.InvalidUse(k, before, what) is { } invalid)
            {
                r.Error(item, invalid);
                ok = false;
            }
            else if (list.Contains(k)) { r.Error(item, $"{what} names lemma {k} twice in its 'uses'"); ok = false; }
            else list.Add(k);
        }
        return ok ? list : null;
    }

    private static CompareCheckSpec? Compare(YamlReader r, YamlNode node, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, ModelSpec model, RunLimits? limits)
    {
        int before = r.Diagnostics.Count;
        var comparison = r.Required(map, node, "compare", "a compare check") is { } cn ? r.Choice(cn, "compare", "flow-vs-gd", "singular-values") : null;
        bool sigma = comparison == "singular-values";
        var spec = FromModel(new RunSpec { Model = "dmf", Init = sigma ? "balanced" : null }, model);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        double lr = 0.01, time = 10, rtol = 1e-12, atol = 1e-14;
        int halvings = 3, samples = 50;
        YamlNode optionsNode = node;
        if (map.TryGetValue("options", out var on))
        {
            optionsNode = on.Value;
            var dmfKeys = RunSpec.OptionNames("dmf").Where(k => k is not ("optimizer" or "lr" or "steps" or "stop-loss" or "record-every" or "top" or "entries"));
            var o = r.Mapping(on.Value, "options of a compare check", [.. dmfKeys, .. CompareOwnKeys]);
            if (o is not null)
            {
                spec = RunSpecYaml.Apply(spec, r, o, dmfKeys, "options", locations);
                if (o.TryGetValue("time", out var t) && r.Double(t.Value, "options.time") is { } tv) time = tv;
                if (o.TryGetValue("lr", out var l) && r.Double(l.Value, "options.lr") is { } lv) lr = lv;
                if (o.TryGetValue("halvings", out var h) && r.Int(h.Value, "options.halvings") is { } hv) halvings = hv;
                if (o.TryGetValue("samples", out var sa) && r.Int(sa.Value, "options.samples") is { } sv) samples = sv;
                if (o.TryGetValue("rtol", out var rt) && r.Double(rt.Value, "options.rtol") is { } rv) rtol = rv;
                if (o.TryGetValue("atol", out var at) && r.Double(at.Value, "options.atol") is { } av) atol = av;
                if (o.TryGetValue("steps", out var st))
                {
                    if (o.ContainsKey("lr") || o.ContainsKey("halvings")) r.Error(st.Key, "give either steps or lr/halvings, not both");
                    else if (Steps(r, st.Value) is { } steps) (lr, halvings) = steps;
                }
                if (!(lr > 0) || !(time > 0)) r.Error(on.Value, "options.lr and options.time must be positive");
                if (halvings is < 1 or > 12) r.Error(on.Value, "options.halvings must be between 1 and 12 (2 to 13 step sizes)");
                if (samples is < 1 or > SingularValueCheck.MaxSamples) r.Error(on.Value, $"options.samples must be between 1 and {SingularValueCheck.MaxSamples}");
                // The rule of the verbs' --rtol/--atol: the step-size control needs tolerances in [0, 1), not both 0.
                if (rtol is < 0 or >= 1 || atol is < 0 or >= 1) r.Error(on.Value, "options.rtol and options.atol must be in [0, 1)");
                else if (rtol == 0 && atol == 0) r.Error(on.Value, "options.rtol and options.atol cannot both be 0: the step-size control needs a positive tolerance");
                // The step counts are known now: a horizon that is not a whole number of steps, or too many of them, is
                // a load error here rather than an error verdict when the check runs.
                if (comparison == "flow-vs-gd" && lr > 0 && time > 0 && halvings is >= 1 and <= 12 &&
                    FlowVsDescentCheck.Invalid(new FlowVsDescentOptions(lr, time, halvings, rtol, atol)) is { } problem)
                    r.Error(o.TryGetValue("time", out var timeNode) ? timeNode.Value : on.Value, $"options.time/options.lr: {problem}");
            }
        }
        if (spec.Depth is null && model.Depths is { Count: > 0 } depths)
            r.Error(node, $"the model lists depths [{string.Join(", ", depths)}]; pick one with options: {{depth: N}}");
        (double, double)? band = null;
        SourceLocation? bandAt = null;
        if (map.TryGetValue("order", out var ob))
        {
            bandAt = r.At(ob.Value);
            int errors = r.Diagnostics.Count;
            if (r.Sequence(ob.Value, "order") is { Count: 2 } b && r.Double(b[0], "order[0]") is { } lo && r.Double(b[1], "order[1]") is { } hi)
            {
                if (lo < hi) band = (lo, hi);
                else r.Error(ob.Value, $"order band [{lo}, {hi}] must have low < high");
            }
            else if (r.Diagnostics.Count == errors) r.Error(ob.Value, "order must be a band [low, high] such as [0.9, 1.1]"); // else its item was named
        }
        else if (comparison == "flow-vs-gd") r.Error(node, "a flow-vs-gd check needs 'order: [low, high]', the band the observed order must fall in");
        double tolerance = 1e-6;
        if (map.TryGetValue("tolerance", out var tn))
        {
            if (!sigma) r.Error(tn.Key, "tolerance applies to singular-values; flow-vs-gd is judged by its order band");
            else if (r.Double(tn.Value, "tolerance") is { } tv)
            {
                if (tv > 0) tolerance = tv;
                else r.Error(tn.Value, "tolerance must be positive");
            }
        }
        if (r.Diagnostics.Count > before || comparison is null) return null;
        var defaults = new DmfDefaults("2x2", 0.5, true, LayerFlowSystem.MaxParameters);
        // The work of the comparison, as the compare verbs judge it, checked from the layer sizes before the setup is
        // built: the symbolic derivation of the flow (both kinds), then the GD runs or the integration.
        void Work(IReadOnlyList<int> dims)
        {
            if (limits is null) return;
            if (LayerFlowSystem.DerivationProblem(dims) is { } tooLarge)
                throw LimitWording.ClaimFile.FlowTooLarge(tooLarge);
            if (comparison == "flow-vs-gd")
                limits.ComparisonWork?.Invoke(FlowVsDescentCheck.Work(new FlowVsDescentOptions(lr, time, halvings), dims));
            else
                limits.IntegrationWork?.Invoke(SingularValueCheck.Work(time, dims, rtol, samples));
        }
        if (!RunSpecYaml.Validate(r, () => DmfSetup.Build(spec, defaults, limits, Work), locations, optionsNode, "options")) return null;
        return new CompareCheckSpec(comparison, spec, lr, halvings, time, samples, rtol, atol, band, bandAt, tolerance)
        {
            Id = "", Expect = Expectation.Holds, Location = r.At(node),
        };
    }

    private static (double Lr, int Halvings)? Steps(YamlReader r, YamlNode node)
    {
        var items = r.Sequence(node, "options.steps");
        if (items is null) return null;
        var values = new List<double>();
        foreach (var i in items)
            if (r.Double(i, "each step size") is { } v) values.Add(v);
            else return null;
        if (values.Count < 2)
        {
            r.Error(node, "options.steps needs at least two step sizes (eta, eta/2, ...)");
            return null;
        }
        for (int k = 1; k < values.Count; k++)
            if (Math.Abs(values[k] * 2 - values[k - 1]) > 1e-12 * values[k - 1])
            {
                r.Error(items[k], $"options.steps must halve each time (eta, eta/2, eta/4, ...): {values[k]} is not half of {values[k - 1]}");
                return null;
            }
        return (values[0], values.Count - 1);
    }

    private static SimulateCheckSpec? Simulate(YamlReader r, YamlNode node, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, ModelSpec model, RunLimits? limits)
    {
        int before = r.Diagnostics.Count;
        RunSpec? spec = null;
        var runNode = r.Required(map, node, "run", "a simulate check");
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (runNode is YamlMappingNode rm)
        {
            var modelNode = rm.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "model" }).Value;
            var runModel = modelNode is null ? DefaultRunModel(model) : r.Choice(modelNode, "run.model", [.. RunSpec.Models]);
            if (runModel is null && modelNode is null) r.Error(runNode, "run needs 'model: dmf|cp|sym'");
            if (runModel is not null && r.Mapping(runNode, $"run (model {runModel})", ["model", .. RunSpec.OptionNames(runModel)]) is { } m)
            {
                spec = new RunSpec { Model = runModel };
                if (runModel == "dmf") spec = FromModel(spec, model);
                else if (model.Loss is not null) spec = spec with { Loss = model.Loss };
                spec = RunSpecYaml.Apply(spec, r, m, RunSpec.OptionNames(runModel), "run", locations);
                if (runModel == "dmf" && spec.Depth is null && model.Depths is { Count: > 0 } depths)
                    r.Error(runNode, $"the model lists depths [{string.Join(", ", depths)}]; pick one with depth: N");
            }
        }
        else if (runNode is not null) r.Error(runNode, $"run must be a mapping of simulate options, found {YamlReader.Describe(runNode)}");

        var predicates = new List<PredicateSpec>();
        if (r.Required(map, node, "predicates", "a simulate check") is { } pn && r.Sequence(pn, "predicates") is { } items)
        {
            if (items.Count == 0) r.Error(pn, "predicates is empty: a simulate check needs at least one");
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
                if (Predicate(r, item) is { } p)
                {
                    if (!names.Add(p.Name)) r.Error(p.Location, $"duplicate predicate name '{p.Name}'");
                    predicates.Add(p);
                }
        }
        if (r.Diagnostics.Count > before || spec is null) return null;
        IReadOnlyList<string> columns = [];
        if (!RunSpecYaml.Validate(r, () =>
            {
                // With the command line's limits: a run over them is a load error here, before any check runs.
                var run = PreparedRun.Prepare(spec, limits);
                columns = run.Columns;
                return run;
            }, locations, runNode!, "run")) return null;
        // Every symbol of a predicate must be a recorded column (known once the run is built: 'top' sets how many sigmas).
        var symbols = RecordColumns.Symbols(columns);
        foreach (var f in predicates.SelectMany(p => new[] { p.Holds, p.Quantity, p.Where }).OfType<FormulaSpec>())
            if (RecordColumns.Unknown(f.Expr, symbols) is { Count: > 0 } unknown)
                r.Error(f.Location, $"'{string.Join("', '", unknown)}' {(unknown.Count == 1 ? "is not a recorded column" : "are not recorded columns")}; this run records: {string.Join(", ", symbols.Keys)}");
        if (r.Diagnostics.Count > before) return null;
        return new SimulateCheckSpec(spec, predicates) { Id = "", Expect = Expectation.Holds, Location = r.At(node) };
    }

    private static PredicateSpec? Predicate(YamlReader r, YamlNode node)
    {
        var m = r.Mapping(node, "a predicate", PredicateKeys);
        if (m is null) return null;
        int before = r.Diagnostics.Count;
        var name = r.Required(m, node, "name", "a predicate") is { } n ? r.String(n, "predicate name") : null;
        var at = m.TryGetValue("at", out var a) ? r.Choice(a.Value, "at", "every", "end") : "every";
        var kind = m.TryGetValue("kind", out var k) ? r.Choice(k.Value, "predicate kind", "holds", "grows-as-loss-falls") : "holds";
        var where = m.TryGetValue("where", out var w) ? r.Formula(w.Value, "where", statement: true) : null;
        FormulaSpec? holds = null, quantity = null;
        if (kind == "holds")
        {
            if (m.TryGetValue("quantity", out var q)) r.Error(q.Key, "quantity belongs to kind: grows-as-loss-falls; a holds predicate states 'holds: <statement>'");
            holds = r.Required(m, node, "holds", "a holds predicate") is { } h ? r.Formula(h, "holds", statement: true) : null;
        }
        else if (kind == "grows-as-loss-falls")
        {
            if (m.TryGetValue("holds", out var h)) r.Error(h.Key, "a grows-as-loss-falls predicate names its 'quantity', not 'holds'");
            if (at == "end") r.Error(m["at"].Value, "grows-as-loss-falls compares records along the run; use at: every");
            quantity = r.Required(m, node, "quantity", "a grows-as-loss-falls predicate") is { } q ? r.Formula(q, "quantity", statement: false) : null;
        }
        if (r.Diagnostics.Count > before || name is null || at is null || kind is null) return null;
        return new PredicateSpec(name, at == "end" ? PredicateAt.End : PredicateAt.Every,
            kind == "holds" ? PredicateKind.Holds : PredicateKind.GrowsAsLossFalls, where, holds, quantity, r.At(node));
    }

    private static string? DefaultRunModel(ModelSpec model) => model.Factorization switch
    {
        "deep-matrix" => "dmf",
        "cp-tensor" => "cp",
        "symmetric" => "sym",
        _ => null,
    };

    // The model's depth, loss and problem are defaults of a deep-matrix run; the check's own options override them.
    private static RunSpec FromModel(RunSpec spec, ModelSpec model) => spec with
    {
        Depth = model.Depth ?? spec.Depth,
        Loss = model.Loss ?? spec.Loss,
        Problem = model.Problem ?? spec.Problem,
    };

    private static LossScale? ParseLoss(string? name) => name is not null && LossScales.TryParse(name, out var s) ? s : null;
}
