using System.Xml.Linq;

namespace ImplicitReg.Cli.Tests.Architecture;

/// <summary>
/// The house: the kernel on the ground; generic numerics and the generic solver above it; the papers'
/// mathematics (models, losses, problems, derivations) above those; then experiments (simulators, flow
/// versus descent, sweeps), claims and reports; the CLI thin on top. A project may reference only projects
/// of a strictly lower layer.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Dictionary<string, int> Layer = new()
    {
        ["ImplicitReg.Symbolic"] = 0,
        ["ImplicitReg.Numerics"] = 1,
        ["ImplicitReg.Solver"] = 1,
        ["ImplicitReg.Models"] = 2,
        ["ImplicitReg.Experiments"] = 3,
        ["ImplicitReg.Claims"] = 4,
        ["ImplicitReg.Reports"] = 5,
        ["ImplicitReg.Cli"] = 6,
    };

    private sealed record ProjectInfo(string Project, string[] References, string[] Packages);

    private static List<ProjectInfo> SourceProjects() =>
        Directory.GetFiles(Path.Combine(ImplicitReg.Testing.RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(csproj =>
            {
                var doc = XDocument.Load(csproj);
                var refs = doc.Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!)).ToArray();
                var pkgs = doc.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!).ToArray();
                return new ProjectInfo(Path.GetFileNameWithoutExtension(csproj), refs, pkgs);
            })
            .ToList();

    /// <summary>The rule itself: every reference that does not point strictly downwards.</summary>
    private static List<string> Violations(IEnumerable<ProjectInfo> projects) =>
        projects
            .SelectMany(p => p.References
                .Where(r => Layer.GetValueOrDefault(r, 99) >= Layer.GetValueOrDefault(p.Project, -1))
                .Select(r => $"{p.Project} (layer {Layer.GetValueOrDefault(p.Project, -1)}) -> {r} (layer {Layer.GetValueOrDefault(r, 99)})"))
            .ToList();

    [Fact]
    public void EverySourceProjectHasAKnownLayer()
    {
        var unknown = SourceProjects().Select(p => p.Project).Where(p => !Layer.ContainsKey(p)).ToList();
        Assert.True(unknown.Count == 0, "projects without a layer: " + string.Join(", ", unknown));
    }

    [Fact]
    public void NoProjectReferencesItsOwnOrAHigherLayer()
    {
        var violations = Violations(SourceProjects());
        Assert.True(violations.Count == 0, "layering violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheKernelDependsOnNothing()
    {
        var kernel = SourceProjects().Single(p => p.Project == "ImplicitReg.Symbolic");
        Assert.Empty(kernel.References);
        Assert.Empty(kernel.Packages);
    }

    [Theory]
    [InlineData("ImplicitReg.Numerics", "ImplicitReg.Models")]      // generic numerics importing the papers' models
    [InlineData("ImplicitReg.Solver", "ImplicitReg.Numerics")]      // a sibling on the same layer
    [InlineData("ImplicitReg.Symbolic", "ImplicitReg.Cli")]         // the kernel importing the top
    [InlineData("ImplicitReg.Experiments", "ImplicitReg.Claims")]
    [InlineData("ImplicitReg.Unknown", "ImplicitReg.Symbolic")]     // a project without a layer
    public void TheRuleCatchesAnUpwardReference(string from, string to)
    {
        // Negative control: the real projects plus one fake upward edge must give exactly that violation.
        var projects = SourceProjects();
        projects.Add(new ProjectInfo(from, [to], []));
        var violations = Violations(projects);
        Assert.Single(violations, v => v.StartsWith(from + " ", StringComparison.Ordinal) && v.Contains("-> " + to + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRuleAcceptsADownwardReference()
    {
        var projects = new List<ProjectInfo> { new("ImplicitReg.Cli", ["ImplicitReg.Symbolic", "ImplicitReg.Experiments"], []) };
        Assert.Empty(Violations(projects));
    }
}
