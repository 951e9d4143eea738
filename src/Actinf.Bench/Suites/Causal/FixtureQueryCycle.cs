using Actinf.Causal.Conformance;
using Actinf.Causal.Inference;

namespace Actinf.Bench.Suites.Causal;

/// <summary>
/// A shipped network's engine and some of its fixture queries, served one per call in file order, cyclically;
/// plus the untimed pass that checks the answers against the fixture and sizes the work.
/// </summary>
public sealed class FixtureQueryCycle
{
    private readonly PreparedQuery[] _queries;
    private int _cursor;

    /// <summary>Loads <c>networks/NETWORK.bif</c> and the queries of <c>fixtures/NETWORK.json</c> of the given kinds.</summary>
    /// <param name="network">Network name, e.g. <c>alarm</c>.</param>
    /// <param name="reuseOrders">Whether the engine keeps elimination orders across queries of the same structure.</param>
    /// <param name="kinds">Query kinds to serve.</param>
    /// <exception cref="FileNotFoundException">No such network or fixture.</exception>
    /// <exception cref="InvalidDataException">The fixture has no query of those kinds.</exception>
    public FixtureQueryCycle(string network, bool reuseOrders, params CausalQueryKind[] kinds)
    {
        Engine = CausalBenchData.LoadEngine(network, reuseOrders);
        _queries = [.. CausalBenchData.LoadQueries(network, kinds)];
    }

    /// <summary>The engine over the network.</summary>
    public ExactInference Engine { get; }

    /// <summary>The queries served, in file order.</summary>
    public IReadOnlyList<PreparedQuery> Queries => _queries;

    /// <summary>The next query (the first after the last).</summary>
    public PreparedQuery Next()
    {
        PreparedQuery query = _queries[_cursor];
        _cursor = _cursor + 1 == _queries.Length ? 0 : _cursor + 1;
        return query;
    }

    /// <summary>Makes the first query the next one again.</summary>
    public void Rewind() => _cursor = 0;

    /// <summary>
    /// Answers every query once as a posterior query and reports <c>queries</c>, <c>targets_per_query</c>
    /// (the benchmark times all targets of a query per call, where pgmpy's figures time one target per call),
    /// <c>variables</c> and <c>max_deviation</c> (largest absolute difference from the fixture's marginals).
    /// </summary>
    public Dictionary<string, double> PosteriorMetrics()
    {
        double deviation = 0;
        double targets = 0;
        foreach (PreparedQuery query in _queries)
        {
            Posterior posterior = Engine.Query(query.Targets, query.Clamps);
            targets += query.Targets.Length;
            foreach ((string target, IReadOnlyList<KeyValuePair<string, double>> states) in query.Source.Expected.Marginals)
            {
                Distribution marginal = posterior[target];
                foreach ((string state, double expected) in states)
                {
                    deviation = Math.Max(deviation, Math.Abs(marginal[state] - expected));
                }
            }
        }

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["queries"] = _queries.Length,
            ["targets_per_query"] = targets / _queries.Length,
            ["variables"] = Engine.Network.Count,
            ["max_deviation"] = deviation,
        };
    }

    /// <summary>
    /// Answers every query once as an MPE query and reports <c>queries</c>, <c>variables</c> and
    /// <c>max_deviation</c> (largest absolute difference of ln P(x*, e) from the fixture's).
    /// </summary>
    public Dictionary<string, double> MpeMetrics()
    {
        double deviation = 0;
        foreach (PreparedQuery query in _queries)
        {
            Explanation explanation = Engine.MostProbableExplanation(query.Clamps);
            if (query.Source.Expected.LogProbability is double expected)
            {
                deviation = Math.Max(deviation, Math.Abs(explanation.LogProbability - expected));
            }
        }

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["queries"] = _queries.Length,
            ["variables"] = Engine.Network.Count,
            ["max_deviation"] = deviation,
        };
    }
}
