using ObservabilityStack.Emulator.Search.DocValues;
using ObservabilityStack.Emulator.Search.Queries;
using ObservabilityStack.Emulator.Storage;

namespace ObservabilityStack.Emulator.Search.Blocks;

/// <summary>
/// Finds a query's matches in one shard, in index order. Over the emulator's own runs the query first filters a
/// column block (8,192 documents) at a time, clearing the candidates it can rule out from whole columns; only the
/// documents left are visited (and checked one by one where the columns could not decide). A rule's filter over a
/// window then costs a few array passes instead of a dozen calls per document. Runs that overlap in time are read
/// interleaved, so each block's candidates are computed once and kept for the scan.
/// </summary>
internal static class BlockScan
{
    /// <summary>Called for each match with its score; return false to stop scanning the shard.</summary>
    public delegate bool MatchHandler(DocContext doc, double score);

    /// <summary>
    /// Moves <paramref name="doc"/> (its <see cref="DocContext.Shard"/> and <see cref="DocContext.Columns"/> set) over
    /// the shard's documents in [from, to] that match <paramref name="query"/>, in index order, with
    /// <see cref="DocContext.DocIndex"/> counting every document of the range as a document-by-document scan does.
    /// </summary>
    public static void Run(DocContext doc, Query query, long? from, long? to, MatchHandler onMatch)
    {
        if (doc.Shard is not IndexShard own)
        {
            foreach (var current in doc.Visit(from, to))
            {
                if (query.Matches(doc, out var score) && !onMatch(doc, score))
                {
                    return;
                }
            }

            return;
        }

        doc.Begin(own);
        var constant = query.ConstantScore;
        var slices = own.Table.Slices(from, to);
        var filtered = new BlockMatches?[slices.Count][];
        var docIndex = 0;
        foreach (var (slice, stretchStart, stretchEnd) in DocumentTable.InIndexOrder(slices))
        {
            for (var start = stretchStart; start < stretchEnd;)
            {
                var end = Math.Min(stretchEnd, (start | (RunColumns.BlockSize - 1)) + 1);
                var matches = Filtered(filtered, slices, slice, start, query, own.Mappings, doc.Columns);
                if (!Visit(doc, query, slices[slice].Run, matches, start, end, docIndex, matches.Exact ? constant : null, onMatch))
                {
                    return;
                }

                docIndex += end - start;
                start = end;
            }
        }

        if (from is null && to is null)
        {
            foreach (var stored in own.Table.Untimed)
            {
                doc.MoveTo(stored, docIndex++);
                if (query.Matches(doc, out var score) && !onMatch(doc, score))
                {
                    return;
                }
            }
        }
    }

    /// <summary>The query's candidates in the block of <paramref name="position"/>, over the slice's part of it, computed on first use.</summary>
    private static BlockMatches Filtered(BlockMatches?[]?[] filtered, List<RunStretch> slices, int slice, int position, Query query,
        IFieldMappings mappings, ColumnPlan plan)
    {
        var (run, sliceStart, sliceEnd) = slices[slice];
        var firstBlock = sliceStart / RunColumns.BlockSize;
        var blocks = filtered[slice] ??= new BlockMatches?[((sliceEnd - 1) / RunColumns.BlockSize) - firstBlock + 1];
        var index = (position / RunColumns.BlockSize) - firstBlock;
        if (blocks[index] is { } known)
        {
            return known;
        }

        var blockStart = position & ~(RunColumns.BlockSize - 1);
        var block = new RunBlock(run, Math.Max(sliceStart, blockStart), Math.Min(sliceEnd, blockStart + RunColumns.BlockSize), mappings, plan);
        var bits = new ulong[RunBlock.Words];
        BlockBits.Fill(bits, block.Start - blockStart, block.End - blockStart);
        var exact = query.FilterBlock(block, bits);
        return blocks[index] = new BlockMatches(blockStart, bits, exact);
    }

    /// <summary>Visits the candidates at run positions [start, end); false when the handler asked to stop.</summary>
    private static bool Visit(DocContext doc, Query query, TimeRun run, BlockMatches matches, int start, int end, int firstDocIndex,
        double? exactScore, MatchHandler onMatch)
    {
        var bits = matches.Bits;
        var from = start - matches.BlockStart;
        var to = end - matches.BlockStart;
        for (var w = from >> 6; w <= (to - 1) >> 6; w++)
        {
            var word = bits[w] & BlockBits.Mask(w, from, to);
            while (word != 0)
            {
                var position = matches.BlockStart + (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                doc.MoveTo(run, position, firstDocIndex + position - start);
                double score;
                if (exactScore is { } constant)
                {
                    score = constant;
                }
                else if (!query.Matches(doc, out score))
                {
                    continue;
                }

                if (!onMatch(doc, score))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
