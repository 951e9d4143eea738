using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actinf.Epistemic.Contracts;
using Actinf.Epistemic.Observations;
using Actinf.Epistemic.Tests.Support;

namespace Actinf.Epistemic.Tests;

/// <summary>
/// Replays a long scripted conversation (twelve sessions; observations in five domains, action requests with and
/// without force, feedback, goals) on a clock that never lets a time budget run out, and compares every
/// <c>epistemic_action</c> response and every session's final summary with a transcript recorded by an earlier
/// version of the engine (tests/data/epistemic/scripted-conversation.jsonl, written by commit e79cc39).
/// </summary>
/// <remarks>
/// Work on speed must not change what the engine answers: texts, types, order and ids of actions exactly, numbers to
/// 1e-4 (relative above 1: vector widths of other processors may round differently). Set ACTINF_WRITE_TRANSCRIPT=1 to rewrite
/// the file after a change that is meant to change the answers, and say why in the commit.
/// </remarks>
public class ScriptedConversationTranscriptTests
{
    private static readonly string[] Texts =
    [
        "I was charged twice for the same order last week", "both charges show the same amount on my card",
        "the second charge appeared after I updated my address", "how do I reset my password on the mobile app",
        "the app crashes when I open settings", "my refund has not arrived after ten days", "can you explain how gradient descent converges",
        "what is the learning rate schedule for transformers", "the invoice lists a tax I do not recognise", "shipping to Canada takes how long",
    ];

    private static readonly string[] Domains = ["billing", "account", "ml", "shipping", ""];

    private static string TranscriptPath => RepositoryFolders.TestDataPath("epistemic", "scripted-conversation.jsonl");

    [Fact]
    public void Replay_AnswersAsTheRecordedTranscript()
    {
        List<string> actual = Replay();
        if (Environment.GetEnvironmentVariable("ACTINF_WRITE_TRANSCRIPT") == "1")
        {
            File.WriteAllLines(TranscriptPath, actual, new UTF8Encoding(false));
        }

        string[] expected = File.ReadAllLines(TranscriptPath);
        Assert.Equal(expected.Length, actual.Count);
        int actions = actual.Sum(l => (l.Length - l.Replace("\"ActionType\"", string.Empty, StringComparison.Ordinal).Length) / "\"ActionType\"".Length);
        Assert.True(actions > 80, $"the script should produce many actions, not {actions}");
        for (int i = 0; i < expected.Length; i++)
        {
            string? difference = Difference(JsonNode.Parse(expected[i]), JsonNode.Parse(actual[i]), "$");
            Assert.True(difference is null, $"line {i + 1}: {difference}");
        }
    }

    private static List<string> Replay()
    {
        var clock = new ManualTimeProvider();
        using var engine = new ActiveInferenceEngine(null, null, clock);
        var random = new Random(7);
        var ids = new List<Guid>();
        for (int s = 0; s < 12; s++)
        {
            var id = new Guid(s + 1, 0, 0, new byte[8]);
            engine.CreateSession(id);
            ids.Add(id);
        }

        var lines = new List<string>();
        for (int step = 0; step < 600; step++)
        {
            Guid id = ids[random.Next(ids.Count)];
            int kind = random.Next(10);
            clock.Advance(TimeSpan.FromSeconds(random.Next(1, 30)));
            if (kind < 5)
            {
                string text = Texts[random.Next(Texts.Length)] + (random.Next(3) == 0 ? " again and again" : string.Empty);
                engine.Observe(new ObserveRequest(id, text, null, ObservationSource.UserQuery, Domains[random.Next(Domains.Length)]));
            }
            else if (kind < 9)
            {
                EpistemicActionResponse response = engine.SelectActions(new EpistemicActionRequest(id, random.Next(3) == 0, 1 + random.Next(4), (float)(random.NextDouble() * 0.6)));
                JsonObject json = JsonSerializer.SerializeToNode(response)!.AsObject();
                json.Remove(nameof(EpistemicActionResponse.LatencyMs));
                lines.Add(json.ToJsonString());
                if (response.Actions.Count > 0 && random.Next(2) == 0)
                {
                    engine.RecordFeedback(new FeedbackRequest(id, response.Actions[0].ActionId, random.Next(2) == 0));
                }
            }
            else
            {
                engine.SetGoals(id, [new GoalInput(Texts[random.Next(Texts.Length)], null, 1f + random.Next(3)), new GoalInput(Texts[random.Next(Texts.Length)], null, 0.5f)]);
            }
        }

        foreach (Guid id in ids)
        {
            // The summary's answers; its memory estimate is not one.
            JsonObject summary = JsonSerializer.SerializeToNode(engine.GetSession(id))!.AsObject();
            summary.Remove(nameof(Epistemic.Sessions.SessionSnapshot.EstimatedBytes));
            lines.Add(summary.ToJsonString());
        }

        return lines;
    }

    private static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                if (e.Count != a.Count)
                {
                    return $"{path}: {e.Count} members expected, {a.Count} found";
                }

                foreach (KeyValuePair<string, JsonNode?> member in e)
                {
                    if (!a.TryGetPropertyValue(member.Key, out JsonNode? other))
                    {
                        return $"{path}.{member.Key} is missing";
                    }

                    if (Difference(member.Value, other, $"{path}.{member.Key}") is string d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path}: {e.Count} items expected, {a.Count} found";
                }

                for (int i = 0; i < e.Count; i++)
                {
                    if (Difference(e[i], a[i], $"{path}[{i}]") is string d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                double x = e.GetValue<double>(), y = a.GetValue<double>();
                return Math.Abs(x - y) <= 1e-4 * Math.Max(1.0, Math.Abs(x)) ? null : $"{path}: {x} expected, {y} found";
            default:
                string es = expected?.ToJsonString() ?? "null", acts = actual?.ToJsonString() ?? "null";
                return es == acts ? null : $"{path}: {es} expected, {acts} found";
        }
    }
}
