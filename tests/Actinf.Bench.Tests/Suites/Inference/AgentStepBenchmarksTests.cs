using Actinf.Bench.Suites.Inference;
using Actinf.Bench.Workloads;
using Actinf.Core.Agents;

namespace Actinf.Bench.Tests.Suites.Inference;

public class AgentStepBenchmarksTests
{
    private const int Steps = 50;

    public static TheoryData<string, ComputeShortcuts> Cases
    {
        get
        {
            var cases = new TheoryData<string, ComputeShortcuts>();
            foreach (string model in BenchModels.Names())
            {
                cases.Add(model, ComputeShortcuts.All);
                cases.Add(model, ComputeShortcuts.None);
            }

            return cases;
        }
    }

    [Fact]
    public void ModelNames_RepositoryFolder_ListsEveryBenchModel()
    {
        Assert.Equal(BenchModels.Names(), AgentStepBenchmarks.ModelNames);
    }

    // The engine promises no allocation per step in steady state (DESIGN.md; STYLE.md point 15), with its
    // shortcuts on (the default) and off (every step runs the whole computation). This is an assertion on
    // bytes, never on time.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_AfterWarmup_AllocatesNothing(string model, ComputeShortcuts shortcuts)
    {
        var bench = new AgentStepBenchmarks { Model = model, Shortcuts = shortcuts };
        bench.Setup();

        // The fewest bytes over three windows: a step that allocates does so in every window, while the
        // JIT's one-off allocations when it re-compiles a hot method at a higher tier land in one.
        long allocated = AllocationProbe.SteadyStateBytes(() => bench.Step(), calls: Steps, windows: 3);

        Assert.True(allocated == 0, $"{model} ({shortcuts}): {allocated} bytes over {Steps} full steps ({allocated / (double)Steps:0.#} B/step).");
    }

    [Fact]
    public void Setup_UnknownModel_ThrowsFileNotFound()
    {
        var bench = new AgentStepBenchmarks { Model = "no_such_model" };

        Assert.Throws<FileNotFoundException>(bench.Setup);
    }

    [Fact]
    public void Step_BeforeSetup_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new AgentStepBenchmarks().Step());
    }

    [Fact]
    public void InferStatesAndInferPolicies_AfterSetup_Run()
    {
        var bench = new AgentStepBenchmarks { Model = "tmaze" };
        bench.Setup();

        Assert.Null(Record.Exception(bench.InferStates));
        Assert.Null(Record.Exception(bench.InferPolicies));
    }
}
