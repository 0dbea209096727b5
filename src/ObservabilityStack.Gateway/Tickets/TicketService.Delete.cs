using ObservabilityStack.Elasticsearch;
using ObservabilityStack.Elasticsearch.Documents;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>Deleting a ticket: its token, its stored archives and its indexed documents.</summary>
internal sealed partial class TicketService
{
    /// <summary>
    /// Deletes the ticket. Its token stops at once (the ticket is solved first); lines still in the log are
    /// awaited so none lands after the delete; then the documents, the files and the record go. If
    /// Elasticsearch fails, the ticket stays (solved) and the delete can be repeated.
    /// </summary>
    public async Task<DeletedTicket> DeleteAsync(string ticket, ElasticsearchClient client, CancellationToken cancellationToken)
    {
        var now = _runtime.Clock.GetUtcNow();
        var (name, logEnd) = Store.Write(file =>
        {
            var record = Find(file, ticket);
            var changed = record.State != TicketState.Solved;
            record.State = TicketState.Solved;
            record.Solved ??= now;
            return (changed, (record.Ticket, record.Uploads.Count == 0 ? 0 : record.Uploads.Max(u => u.LogEnd)));
        });

        var deadline = _runtime.Clock.GetUtcNow().AddSeconds(Options.DeleteWaitSeconds);
        while (_runtime.Wal.CheckpointPosition < logEnd)
        {
            if (_runtime.Clock.GetUtcNow() > deadline)
            {
                throw new TicketRefusal(503, "delivery_pending",
                    $"lines of ticket {name} are still waiting for delivery to Elasticsearch; the ticket is solved, retry the delete later");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _runtime.Clock, cancellationToken);
        }

        var documents = await DeleteDocumentsAsync(client, name, cancellationToken);
        var files = 0;
        var directory = Path.Combine(Root, name);
        if (Directory.Exists(directory))
        {
            files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Count();
            Directory.Delete(directory, recursive: true);
        }

        Store.Write(file => (file.Tickets.RemoveAll(t => t.Ticket == name) > 0, 0));
        Metrics.AddDeleted();
        TicketLog.Deleted(_runtime.Logger, name, files, documents);
        return new DeletedTicket { Ticket = name, Files = files, Documents = documents };
    }

    private async Task<long> DeleteDocumentsAsync(ElasticsearchClient client, string ticket, CancellationToken cancellationToken)
    {
        var index = DataStreamName.For(Options.Dataset, Options.Namespace);
        try
        {
            if (!await client.IndexExistsAsync(index, cancellationToken))
            {
                return 0;
            }

            // Delivered is not yet searchable: without a refresh the last lines would escape the delete.
            await client.RefreshAsync(index, cancellationToken);
            var query = "{\"query\":{\"term\":{\"labels.ticket\":" + System.Text.Json.JsonSerializer.Serialize(ticket, TicketJsonContext.Default.String) + "}}}";
            var result = await client.DeleteByQueryAsync(index, query, Refresh.True, cancellationToken);
            if (result.Failures > 0)
            {
                throw new TicketRefusal(502, "documents_not_deleted",
                    $"Elasticsearch failed to delete {result.Failures} documents of ticket {ticket}; the ticket is solved and kept, retry the delete");
            }

            return result.Deleted;
        }
        catch (Exception ex) when (ex is ElasticsearchException or HttpRequestException)
        {
            throw new TicketRefusal(502, "documents_not_deleted",
                $"could not delete the indexed documents of ticket {ticket} ({ex.Message}); the ticket is solved and kept, retry the delete");
        }
    }
}
