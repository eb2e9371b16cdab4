using System.Diagnostics;
using PuppeteerSharp;

namespace ImplicitReg.Reports.Tests.Html;

/// <summary>
/// Debian's Chromium (installed by scripts/setup.sh), started headless through PuppeteerSharp with a fresh
/// profile and no network features, and stopped by PID if closing it over the protocol leaves it running.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly string _profile;

    private HeadlessChromium(IBrowser browser, string profile)
    {
        Browser = browser;
        _profile = profile;
    }

    public IBrowser Browser { get; }

    /// <summary>Why the browser test cannot run here, or null when it can.</summary>
    public static string? SkipReason => File.Exists(ExecutablePath)
        ? null
        : $"{ExecutablePath} not found; install it with `bash scripts/setup.sh` (Debian package chromium)";

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("report-chromium-profile-").FullName;
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            UserDataDir = profile,
            DefaultViewport = new ViewPortOptions { Width = 1200, Height = 900 },
            Timeout = 60_000,
        });
        return new HeadlessChromium(browser, profile);
    }

    public async ValueTask DisposeAsync()
    {
        Process? process = Browser.Process;
        int? pid = null;
        try
        {
            pid = process?.Id;
        }
        catch (InvalidOperationException)
        {
            // Already exited and disposed: nothing to stop.
        }
        try
        {
            await Browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception e) when (e is TimeoutException or PuppeteerException or InvalidOperationException)
        {
            // Fall through to the PID below.
        }
        if (pid is { } id)
        {
            try
            {
                using var p = Process.GetProcessById(id);
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit(10_000);
                }
            }
            catch (ArgumentException)
            {
                // No process with that id any more: closed cleanly.
            }
        }
        await Browser.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash-reporter file may still be open for a moment; the temp directory is the system's to clean.
        }
    }
}
