using ObservabilityStack.Samples.Shop;

var app = await ShopApp.BuildAsync(args, "http://127.0.0.1:5080");
await app.RunAsync();
