using System.CommandLine;
using Actinf.Causal.Directions;
using Actinf.Causal.Inference;
using Actinf.Causal.Io;
using Actinf.Causal.Networks;
using Actinf.Causal.Queries;

namespace Actinf.Cli.Causal;

/// <summary>
/// <c>actinf causal query NETWORK [--evidence V=s]... [--do V=s]... [--soft V=l1,l2,...]... [--soft-do V=q1,q2,...]...
/// [--target V]... [--mpe | --map V,W,...] [--direction forward|backward|bidirectional|bridge|abduction] [--max-depth N] [--json]</c>:
/// exact inference on a BIF or XMLBIF network; Spectre tables or one JSON object.
/// </summary>
/// <remarks>Exit codes: 0 answered, 1 the clamps have probability 0, 2 bad input (file, names, states, vectors, option combinations).</remarks>
internal static class CausalQueryCommand
{
    private const string Description = """
        Ask a BIF or XMLBIF network for posteriors under observations and interventions, or for the best explanation (MPE, MAP).
        Clamps, each repeatable, one per variable: --evidence V=s observes V in state s (conditioning);
        --do V=s intervenes (graph surgery: the edges into V are cut, then V is set to s); --soft V=l1,l2,...
        is virtual evidence (one likelihood per state, in the variable's state order, used as given); --soft-do
        V=q1,q2,... is a soft intervention (edges into V cut, V's table replaced by the distribution q).
        Surgery comes first, evidence second, so --do X=x --evidence Y=y gives P(. | do(X=x), Y=y).
        Prints the clamps, then one row per target: its distribution (states with probabilities) and a bar for
        the most probable state; and the evidence probability P(e). Without --target every variable that is not
        observed or intervened on is reported. --mpe gives the jointly most probable state of every unobserved
        variable; --map V,W,... the most probable joint state of V, W, ... with the rest summed out.
        --direction chooses the question instead: forward (effects of the clamped variables: their descendants),
        backward (causes: their ancestors, ranked), bidirectional (both), bridge (from the clamps to the --target
        group through the nodes that connect them), abduction (the MPE, or MAP with --map). --max-depth N
        limits what a direction reports by default to N edges (either way) from the clamps; inference stays exact.
        Exit code 0 when answered, 1 when the evidence has probability 0, 2 for bad input (an unknown variable or
        state, a malformed V=s).

        Examples:
          actinf causal query tests/data/causal/networks/asia.bif --evidence dysp=yes --target lung
          actinf causal query asia.bif --evidence xray=yes --evidence smoke=no --target lung,tub,bronc
          actinf causal query asia.bif --do smoke=yes --target dysp
          actinf causal query asia.bif --do either=no --evidence xray=no --target tub --target bronc
          actinf causal query asia.bif --soft lung=0.1,0.9 --soft-do bronc=0.2,0.8 --target smoke
          actinf causal query asia.bif --evidence dysp=yes --mpe
          actinf causal query asia.bif --evidence dysp=yes --map lung,bronc --json
          actinf causal query alarm.bif --evidence HRBP=HIGH --direction backward --max-depth 2
          actinf causal query alarm.bif --evidence HYPOVOLEMIA=TRUE --direction forward --max-depth 1
          actinf causal query asia.bif --evidence asia=yes --direction bridge --target dysp
          actinf causal query tests/data/causal/networks/xmlbif/alarm.xml --evidence BP=LOW --json
        """;

    /// <summary>Builds <c>actinf causal query</c>.</summary>
    public static Command Create()
    {
        var network = new Argument<string>("NETWORK")
        {
            Description = "A .bif or XMLBIF (.xml, .xmlbif) network file, e.g. tests/data/causal/networks/asia.bif.",
        };
        var evidence = Repeatable("--evidence", "V=s", "Observe variable V in state s (hard evidence). Repeatable.");
        var intervene = Repeatable("--do", "V=s", "Intervene: do(V = s), the edges into V cut. Repeatable.");
        var soft = Repeatable("--soft", "V=l1,l2,...", "Virtual evidence on V: one non-negative likelihood per state, in state order. Repeatable.");
        var softDo = Repeatable("--soft-do", "V=q1,q2,...", "Soft intervention: V's table replaced by the distribution q (sums to 1). Repeatable.");
        var target = Repeatable("--target", "V", "Variable to report (repeatable, or a comma list). Default: every variable not observed or intervened on.");
        var mpe = new Option<bool>("--mpe") { Description = "Most probable explanation: the jointly most probable state of every unobserved variable." };
        var map = Repeatable("--map", "V,W,...", "Marginal MAP: the most probable joint state of these variables, the others summed out.");
        var direction = new Option<string?>("--direction")
        {
            Description = "The question to ask relative to the clamped variables (see below). Default: the posteriors of the targets.",
            HelpName = "forward|backward|bidirectional|bridge|abduction",
        };
        var maxDepth = new Option<int?>("--max-depth")
        {
            Description = "With --direction (or --mpe): report only variables within N edges of the clamps by default. Default: unbounded.",
            HelpName = "N",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var noColor = new Option<bool>("--no-color") { Description = "Plain output without colour (also NO_COLOR)." };

        var command = new Command("query", Description) { network, evidence, intervene, soft, softDo, target, mpe, map, direction, maxDepth, json, noColor };
        command.SetAction(parse => Run(
            new CausalQueryRequest
            {
                NetworkPath = parse.GetRequiredValue(network),
                Evidence = parse.GetValue(evidence) ?? [],
                Interventions = parse.GetValue(intervene) ?? [],
                SoftEvidence = parse.GetValue(soft) ?? [],
                SoftInterventions = parse.GetValue(softDo) ?? [],
                Targets = parse.GetValue(target) ?? [],
                Mpe = parse.GetValue(mpe),
                Map = parse.GetValue(map) ?? [],
                Direction = parse.GetValue(direction),
                MaxDepth = parse.GetValue(maxDepth),
                Json = parse.GetValue(json),
                NoColor = parse.GetValue(noColor),
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs a query; returns 0 (answered), 1 (the clamps have probability 0) or 2 (bad input).</summary>
    internal static int Run(CausalQueryRequest request, TextWriter output, TextWriter error)
    {
        BayesianNetwork network;
        try
        {
            network = NetworkFile.Load(request.NetworkPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or BifFormatException or NetworkValidationException)
        {
            error.WriteLine($"error: {OneLine(e.Message)}");
            return 2;
        }

        CausalAnswer answer;
        try
        {
            answer = Answer(network, request);
        }
        catch (Exception e) when (e is CausalArgumentException or CausalQueryException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (ImpossibleEvidenceException)
        {
            error.WriteLine("error: the evidence has probability 0: no configuration of the network agrees with these clamps, so no posterior exists.");
            return 1;
        }
        catch (ArgumentException e)
        {
            // The engine's and the directions' own checks (e.g. a direction with nothing clamped).
            error.WriteLine($"error: {OneLine(WithoutParameter(e))}");
            return 2;
        }

        if (request.Json)
        {
            CausalQueryWriter.WriteJson(answer, output);
        }
        else
        {
            CausalQueryWriter.WriteTables(answer, output, request.NoColor);
        }

        return 0;
    }

    private static CausalAnswer Answer(BayesianNetwork network, CausalQueryRequest request)
    {
        Clamps clamps = ClampArguments.Build(network, request.Evidence, request.Interventions, request.SoftEvidence, request.SoftInterventions);
        CausalQuestion question = CausalQuestion.Create(
            ClampArguments.Variables(network, "--target", request.Targets),
            request.Mpe,
            ClampArguments.Variables(network, "--map", request.Map),
            request.Direction,
            request.MaxDepth,
            ClampArguments.Terms);
        CausalQueryAnswer answer = question.Answer(new ExactInference(network), clamps);
        return new CausalAnswer(network, request.NetworkPath, clamps, answer.Posterior, answer.Directional);
    }

    private static Option<string[]> Repeatable(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        AllowMultipleArgumentsPerToken = false,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    /// <summary>The message without the " (Parameter 'x')" suffix, which names a C# parameter the user never saw.</summary>
    private static string WithoutParameter(ArgumentException e)
    {
        string suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }
}

/// <summary>The parsed command line of <c>actinf causal query</c>.</summary>
internal sealed class CausalQueryRequest
{
    public required string NetworkPath { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public IReadOnlyList<string> Interventions { get; init; } = [];

    public IReadOnlyList<string> SoftEvidence { get; init; } = [];

    public IReadOnlyList<string> SoftInterventions { get; init; } = [];

    public IReadOnlyList<string> Targets { get; init; } = [];

    public bool Mpe { get; init; }

    public IReadOnlyList<string> Map { get; init; } = [];

    public string? Direction { get; init; }

    public int? MaxDepth { get; init; }

    public bool Json { get; init; }

    public bool NoColor { get; init; }
}

/// <summary>What a causal query computed: plain posteriors, or a directional result (including abduction).</summary>
internal sealed record CausalAnswer(BayesianNetwork Network, string NetworkPath, Clamps Clamps, Posterior? Posterior, DirectionalResult? Directional);
