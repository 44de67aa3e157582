// 「もしかして: ゲノム」 under a search that found nothing: one click searches the suggested word.
import { runSearch, setSearchInput } from '../../state/search';

export function DidYouMean({ suggestion }: { suggestion: string }) {
  return (
    <span className="did-you-mean">
      もしかして:{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setSearchInput(suggestion);
          void runSearch(suggestion);
        }}
      >
        {suggestion}
      </button>
    </span>
  );
}
