using System.Text;
using ObservabilityStack.Elasticsearch.Bulk;

namespace ObservabilityStack.Elasticsearch.Tests.Bulk;

public sealed class BulkResponseTests
{
    // Shapes as Elasticsearch 8/9 answer them (Elastic's bulk API docs and the bulk REST tests).
    private const string Mixed = """
        {
          "took": 486,
          "errors": true,
          "items": [
            {"index": {"_index": "test", "_id": "1", "_version": 1, "result": "created",
              "_shards": {"total": 2, "successful": 1, "failed": 0}, "status": 201, "_seq_no": 0, "_primary_term": 1}},
            {"create": {"_index": "test", "_id": "1", "status": 409,
              "error": {"type": "version_conflict_engine_exception",
                "reason": "[1]: version conflict, document already exists (current version [1])",
                "index_uuid": "aAsFqTI0Tc2W0LCWgPNrOA", "shard": "0", "index": "test"}}},
            {"create": {"_index": ".ds-logs-app-default-2026.11.21-000001", "_id": "abc", "status": 400,
              "error": {"type": "document_parsing_exception",
                "reason": "[1:15] failed to parse field [count] of type [long] in document with id 'abc'. Preview of field's value: 'x'",
                "caused_by": {"type": "illegal_argument_exception", "reason": "For input string: \"x\""}}}},
            {"index": {"_index": "logs", "_id": "2", "status": 429,
              "error": {"type": "es_rejected_execution_exception", "reason": "rejected execution of coordinating operation"}}},
            {"delete": {"_index": "test", "_id": "2", "_version": 1, "result": "not_found",
              "_shards": {"total": 2, "successful": 1, "failed": 0}, "status": 404, "_seq_no": 1, "_primary_term": 2}},
            {"update": {"_index": "index1", "_id": "5", "status": 404,
              "error": {"type": "document_missing_exception", "reason": "[5]: document missing",
                "index_uuid": "aAsFqTI0Tc2W0LCWgPNrOA", "shard": "0", "index": "index1"}}},
            {"index": {"_index": "test", "_id": "3", "status": 503,
              "error": {"type": "unavailable_shards_exception", "reason": "[test][0] primary shard is not active"}}}
          ]
        }
        """;

    private readonly BulkResponse _response = BulkResponse.Parse(Encoding.UTF8.GetBytes(Mixed));

    [Fact]
    public void TheOverallFlagsAndEveryItemAreReadInOrder()
    {
        _response.Took.ShouldBe(486);
        _response.Errors.ShouldBeTrue();
        _response.Items.Select(i => i.Operation).ShouldBe(
        [
            BulkOperationType.Index, BulkOperationType.Create, BulkOperationType.Create, BulkOperationType.Index,
            BulkOperationType.Delete, BulkOperationType.Update, BulkOperationType.Index,
        ]);
        _response.Items.Select(i => i.Status).ShouldBe([201, 409, 400, 429, 404, 404, 503]);
    }

    [Fact]
    public void ACreatedItemIsASuccessWithItsResultAndVersion()
    {
        var item = _response.Items[0];

        item.IsSuccess.ShouldBeTrue();
        item.Result.ShouldBe("created");
        item.Version.ShouldBe(1);
        item.Index.ShouldBe("test");
        item.Id.ShouldBe("1");
        item.IsPermanent.ShouldBeFalse();
        item.ErrorType.ShouldBeNull();
    }

    [Fact]
    public void A409OnCreateIsAConflictMeaningAlreadyThereNotAPermanentFailure()
    {
        var item = _response.Items[1];

        item.IsConflict.ShouldBeTrue();
        item.IsSuccess.ShouldBeFalse();
        item.IsPermanent.ShouldBeFalse();
        item.IsRetryable.ShouldBeFalse();
        item.ErrorType.ShouldBe("version_conflict_engine_exception");
        item.ErrorReason!.ShouldStartWith("[1]: version conflict");
    }

    [Fact]
    public void AMappingErrorIsPermanentAndCarriesTypeAndReason()
    {
        var item = _response.Items[2];

        item.IsPermanent.ShouldBeTrue();
        item.IsRetryable.ShouldBeFalse();
        item.ErrorType.ShouldBe("document_parsing_exception");
        item.ErrorReason!.ShouldContain("failed to parse field [count]");
        item.Index.ShouldBe(".ds-logs-app-default-2026.11.21-000001");
    }

    [Fact]
    public void RejectedAndUnavailableItemsAreRetryable()
    {
        _response.Items[3].IsRetryable.ShouldBeTrue();
        _response.Items[3].IsPermanent.ShouldBeFalse();
        _response.Items[6].IsRetryable.ShouldBeTrue();
    }

    [Fact]
    public void DeletingAMissingDocumentCountsAsDoneButAMissingUpdateTargetIsPermanent()
    {
        _response.Items[4].IsSuccess.ShouldBeTrue();
        _response.Items[4].Result.ShouldBe("not_found");
        _response.Items[5].IsPermanent.ShouldBeTrue();
        _response.Items[5].ErrorType.ShouldBe("document_missing_exception");
    }

    [Fact]
    public void TheCountsPartitionEveryItem()
    {
        _response.SucceededCount.ShouldBe(2);
        _response.ConflictCount.ShouldBe(1);
        _response.RetryableCount.ShouldBe(2);
        _response.PermanentCount.ShouldBe(2);
        (_response.SucceededCount + _response.ConflictCount + _response.RetryableCount + _response.PermanentCount).ShouldBe(_response.Items.Count);
    }

    [Fact]
    public void ANonBulkBodyIsRejectedWithAJsonException()
    {
        Should.Throw<System.Text.Json.JsonException>(() => BulkResponse.Parse("""{"items":[{}]}"""u8));
    }
}
