using ImplicitReg.Claims.Loading;
using ImplicitReg.Claims.Schema;

namespace ImplicitReg.Claims.Tests;

/// <summary>Builds claim files for tests: a valid header plus the given checks, loaded from text or written to a temp directory.</summary>
internal static class ClaimText
{
    public static readonly string Header = ImplicitReg.Testing.ClaimHeader.Text(depth: 2);

    public static LoadedClaim Load(string text, string file = "t.yaml") => ClaimLoader.Load(text, file, "t");

    public static ClaimSpec Valid(string checks)
    {
        var loaded = Load(Header + checks);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Diagnostics));
        return loaded.Claim!;
    }

    /// <summary>A fresh temporary directory (deleted by the caller's Dispose).</summary>
    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "implicitreg-claims-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
