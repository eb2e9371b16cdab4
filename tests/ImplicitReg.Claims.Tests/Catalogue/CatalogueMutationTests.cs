using ImplicitReg.Claims.Loading;
using ImplicitReg.Claims.Results;
using ImplicitReg.Claims.Running;
using ImplicitReg.Reports.Verification;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Claims.Tests.Catalogue;

/// <summary>
/// The mutation test of the catalogue: it is copied to a temporary directory, each expected formula, bound or
/// constant of a check expected to hold is changed in turn (see <see cref="CatalogueMutations"/>), and verify must
/// then fail at that check, naming the file and the line of the check. Runs on whatever claim files are in proofs/.
/// </summary>
public sealed class CatalogueMutationTests : IDisposable
{
    private readonly string _dir = ClaimText.TempDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresZ3Fact]
    public void EveryChangedExpectationMakesVerifyFailAtItsFileAndLine()
    {
        var files = Directory.GetFiles(Path.Combine(ImplicitReg.Testing.RepositoryRoot.Path, "proofs"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        int mutations = 0;
        var missed = new List<string>();
        foreach (var original in files)
        {
            var text = File.ReadAllText(original);
            var rounds = CatalogueMutations.Rounds(text);
            for (int k = 0; k < rounds.Count; k++)
            {
                var round = rounds[k];
                var copy = Path.Combine(_dir, Path.GetFileName(original));
                File.WriteAllText(copy, CatalogueMutations.Apply(text, round));
                var mutated = ClaimLoader.LoadFile(copy);
                Assert.True(mutated.Ok, $"{original} round {k}: the mutated file must still load: {string.Join("; ", mutated.Diagnostics)}");
                var ids = round.Select(m => m.CheckId).ToHashSet();
                var result = ClaimRunner.Run([copy], new RunnerOptions { Jobs = Environment.ProcessorCount, Select = (_, check) => ids.Contains(check) });
                Assert.NotEqual(VerificationResult.ExitOk, result.ExitCode);
                var output = new StringWriter();
                VerificationText.Write(output, result);
                foreach (var m in round)
                {
                    mutations++;
                    var check = result.Checks.Single(c => c.CheckId == m.CheckId);
                    var line = mutated.Claim!.Checks.Single(c => c.Id == m.CheckId).Location.Line;
                    if (check.Passed || check.Location.Line != line || check.Location.File != copy || !output.ToString().Contains($"{copy}:{line}:", StringComparison.Ordinal))
                        missed.Add($"{Path.GetFileName(original)} {m.CheckId} ({m.What}): {ResultNames.Of(check.Verdict)}, {check.Reason}");
                }
            }
        }
        Assert.True(missed.Count == 0, $"{missed.Count} of {mutations} mutations were not caught:\n" + string.Join("\n", missed));
        Assert.True(mutations >= files.Count, $"only {mutations} mutations over {files.Count} files");
    }
}
