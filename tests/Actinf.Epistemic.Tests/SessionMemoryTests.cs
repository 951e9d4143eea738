using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests;

/// <summary>Tests that measure the process's heap: they run alone, or the allocations of other tests would count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurement
{
    public const string Name = "heap measurement";
}

[Collection(HeapMeasurement.Name)]
public class SessionMemoryTests
{
    private static readonly string[] Questions =
    [
        "Why does regularization reduce overfitting in deep neural networks?",
        "How does dropout regularization compare with weight decay for overfitting?",
        "Is early stopping a kind of regularization against overfitting?",
    ];

    [Fact]
    public void Sessions_OneHundredWithFullHistory_WellUnderTwoMegabytesEach()
    {
        using var engine = new ActiveInferenceEngine(timeProvider: new ManualTimeProvider());
        var ids = new List<Guid>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalMemory(true);
        for (int s = 0; s < 100; s++)
        {
            Guid id = engine.CreateSession().SessionId;
            ids.Add(id);
            for (int i = 0; i < 8; i++)
            {
                engine.Observe(new ObserveRequest(id, $"{Questions[i % 3]} variant {s} {i}", Domain: $"domain {i % 4}"));
            }
        }

        long perSession = (GC.GetTotalMemory(true) - before) / 100;
        Assert.InRange(perSession, 1, 500 * 1024);
        long estimated = engine.GetSession(ids[0]).EstimatedBytes;
        Assert.InRange(estimated, perSession / 3, perSession * 3);
        GC.KeepAlive(engine);
    }
}
