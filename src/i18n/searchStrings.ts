/**
 * The strings Pagefind's Component UI shows, by its own key names. Each
 * locale translates them in its ui.json under `search.pagefind.<key>`;
 * `[SEARCH_TERM]` and `[COUNT]` are Pagefind's placeholders and stay as they are.
 */
export const PAGEFIND_STRINGS = [
  'placeholder',
  'clear_search',
  'load_more',
  'search_label',
  'zero_results',
  'many_results',
  'one_result',
  'total_zero_results',
  'total_one_result',
  'total_many_results',
  'alt_search',
  'search_suggestion',
  'searching',
  'results_label',
  'keyboard_navigate',
  'keyboard_select',
  'keyboard_clear',
  'keyboard_close',
  'keyboard_search',
  'error_search',
  'input_hint',
  'loading',
] as const;
