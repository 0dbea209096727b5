namespace ObservabilityStack.Emulator.Http;

/// <summary>Handles one matched Elasticsearch API call.</summary>
internal delegate Task EsHandler(EsRequest request);
