using System.Xml.Linq;

namespace ImplicitReg.Cli.Tests.Architecture;

/// <summary>
/// The house: the kernel on the ground, models and solver above it, numerics above those, the CLI on
/// top. A project may reference only projects of a strictly lower layer (or, for tests, the project
/// they test and the shared test helpers).
/// </summary>
public sealed class LayeringTests
{
    private static readonly Dictionary<string, int> Layer = new()
    {
        ["ImplicitReg.Symbolic"] = 0,
        ["ImplicitReg.Models"] = 1,
        ["ImplicitReg.Solver"] = 1,
        ["ImplicitReg.Numerics"] = 2,
        ["ImplicitReg.Claims"] = 3,
        ["ImplicitReg.Reports"] = 3,
        ["ImplicitReg.Cli"] = 4,
    };

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "ImplicitReg.Verify.sln")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("repository root (ImplicitReg.Verify.sln) not found");
    }

    private static IEnumerable<(string Project, string[] References, string[] Packages)> SourceProjects()
    {
        foreach (var csproj in Directory.GetFiles(Path.Combine(RepoRoot(), "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var doc = XDocument.Load(csproj);
            var refs = doc.Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!)).ToArray();
            var pkgs = doc.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!).ToArray();
            yield return (Path.GetFileNameWithoutExtension(csproj), refs, pkgs);
        }
    }

    [Fact]
    public void EverySourceProjectHasAKnownLayer()
    {
        var unknown = SourceProjects().Select(p => p.Project).Where(p => !Layer.ContainsKey(p)).ToList();
        Assert.True(unknown.Count == 0, "projects without a layer: " + string.Join(", ", unknown));
    }

    [Fact]
    public void NoProjectReferencesItsOwnOrAHigherLayer()
    {
        var violations = SourceProjects()
            .SelectMany(p => p.References.Where(r => Layer.GetValueOrDefault(r, 99) >= Layer.GetValueOrDefault(p.Project, -1))
                .Select(r => $"{p.Project} (layer {Layer.GetValueOrDefault(p.Project, -1)}) -> {r} (layer {Layer.GetValueOrDefault(r, 99)})"))
            .ToList();
        Assert.True(violations.Count == 0, "layering violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheKernelDependsOnNothing()
    {
        var kernel = SourceProjects().Single(p => p.Project == "ImplicitReg.Symbolic");
        Assert.Empty(kernel.References);
        Assert.Empty(kernel.Packages);
    }

    [Fact]
    public void TheRuleCatchesAnUpwardReference()
    {
        // Negative control for the check above: an upward edge must count as a violation.
        Assert.True(Layer["ImplicitReg.Numerics"] >= Layer["ImplicitReg.Models"]);
        Assert.False(Layer["ImplicitReg.Symbolic"] >= Layer["ImplicitReg.Cli"]);
    }
}
