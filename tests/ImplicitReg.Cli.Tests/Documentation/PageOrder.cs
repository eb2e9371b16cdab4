using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ImplicitReg.Cli.Tests.Documentation;

/// <summary>
/// Runs the documentation examples in reading order: README.md first, then docs/*.md by name, each page from top to
/// bottom. xunit's default order is by a hash of each case's id, which changes whenever a line number does; an example
/// that reads what an earlier example of its page wrote (a reproduction directory, a shard) needs the page's order.
/// </summary>
public sealed class PageOrder : ITestCaseOrderer
{
    public const string TypeName = "ImplicitReg.Cli.Tests.Documentation.PageOrder";
    public const string AssemblyName = "ImplicitReg.Cli.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(c => Key(c).Page, StringComparer.Ordinal).ThenBy(c => Key(c).Line).ThenBy(c => c.UniqueID, StringComparer.Ordinal);

    /// <summary>The page (README.md sorts first) and line of an example id <c>path:line</c>; cases without one sort first.</summary>
    public static (string Page, int Line) Key(ITestCase testCase)
    {
        if (testCase.TestMethodArguments is [string id] && id.LastIndexOf(':') is > 0 and var colon
            && int.TryParse(id[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            var page = id[..colon];
            return (page == "README.md" ? "0" : "1" + page, line);
        }
        return ("", 0);
    }
}
