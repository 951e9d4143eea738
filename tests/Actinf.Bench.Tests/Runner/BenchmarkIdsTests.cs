using System.Text.RegularExpressions;
using Actinf.Bench.Runner;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;

namespace Actinf.Bench.Tests.Runner;

public partial class BenchmarkIdsTests
{
    [Fact]
    public void Of_SeveralParameters_OrdersThemByNameWithInvariantValues()
    {
        string[] ids = [.. Cases(typeof(OtherTrivialBenchmarks)).Select(c => BenchmarkIds.Of("trivial-other", c))];

        Assert.Equal(
            ["trivial-other/OtherTrivialBenchmarks.Work(alpha=true,day=Monday,zeta=1)", "trivial-other/OtherTrivialBenchmarks.Work(alpha=true,day=Monday,zeta=2)"],
            ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_AgentStepBenchmarks_IsSuiteClassMethodAndParameters()
    {
        var runner = new BenchmarkSuiteRunner();

        IReadOnlyList<PlannedBenchmark> plan = runner.Plan(new BenchmarkRunOptions { Suites = ["inference"] });

        Assert.Contains(plan, p => p.Id == "inference/AgentStepBenchmarks.Step(model=tmaze,shortcuts=All)");
        Assert.Contains(plan, p => p.Id == "inference/AgentStepBenchmarks.InferPolicies(model=grid7x7_plen3,shortcuts=CachesOnly)");
        Assert.Contains(plan, p => p.Id == "inference/StateInferenceBenchmarks.InferStates(algorithm=Mmp,model=mmp_h3)");
    }

    [Fact]
    public void Plan_TwoConversions_GiveTheSameUniqueIds()
    {
        var runner = new BenchmarkSuiteRunner();

        string[] first = [.. runner.Plan(new BenchmarkRunOptions()).Select(p => p.Id)];
        string[] second = [.. runner.Plan(new BenchmarkRunOptions()).Select(p => p.Id)];

        Assert.Equal(first, second);
        Assert.Equal(first.Length, first.Distinct(StringComparer.Ordinal).Count());
        Assert.All(first, id => Assert.Matches(IdPattern(), id));
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData("grid7x7_plen3", "grid7x7_plen3")]
    [InlineData(true, "true")]
    [InlineData(0.5, "0.5")]
    [InlineData(Core.Agents.ComputeShortcuts.CachesOnly, "CachesOnly")]
    [InlineData(Core.Agents.ComputeShortcuts.SharedPolicyPrefixes | Core.Agents.ComputeShortcuts.SkipUnchangedStateInference, "SharedPolicyPrefixes|SkipUnchangedStateInference")]
    public void FormatValue_Value_IsInvariantText(object? value, string expected)
    {
        Assert.Equal(expected, BenchmarkIds.FormatValue(value));
    }

    internal static BenchmarkCase[] Cases(Type type) =>
        BenchmarkConverter.TypeToBenchmarks(type, ManualConfig.CreateEmpty().AddJob(TrivialBenchmarks.TinyJob).AddLogger(NullLogger.Instance)).BenchmarksCases;

    // suite/Class.Method, then optionally (name=value,...) with no spaces.
    [GeneratedRegex(@"^[a-z][a-z0-9-]*/[A-Za-z0-9_]+\.[A-Za-z0-9_]+(\([a-z][A-Za-z0-9]*=[^,() ]+(,[a-z][A-Za-z0-9]*=[^,() ]+)*\))?$")]
    private static partial Regex IdPattern();
}
