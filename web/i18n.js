// Pressroom: the page's own words in English and Korean. Loaded first by the search page; the
// release page (/doc/{id}) loads it from doc.js. No framework, no build step.
//
// The language of the page (never of the releases: `lang=` is the releases' language filter) is,
// in this order: `ui=en|ko` in the address, the choice remembered in localStorage, else the
// browser's languages (any "ko*" is Korean, anything else English). `ui=` in an address and the
// switch (English | 한국어) both remember the choice.
//
// Messages: `t(key, params)` gives a string, `parts(key, params)` the same as a list of strings
// and nodes (a param that is a DOM node is put in as it is, never as HTML). `{name}` is replaced
// by params.name; a message given as {one, other} is chosen by Intl.PluralRules from
// params.count, and `{count}` is then the number written for the language. Elements of a static
// page marked data-i18n="key" get the message as their content (children marked
// data-i18n-slot="name" are kept and put where the message says {name}); data-i18n-attr=
// "placeholder:key; aria-label:key" sets attributes.
'use strict';

window.PressroomI18n = (() => {
  const LANGUAGES = {
    // dateLocale: "23 November 2026" (day, month, year), as the daemon's pages write dates.
    en: { name: 'English', dateLocale: 'en-GB', numberLocale: 'en-US' },
    ko: { name: '한국어', dateLocale: 'ko-KR', numberLocale: 'ko-KR' },
  };
  const PARAM = 'ui';
  const STORE_KEY = 'pressroom.ui';

  const en = {
    // ------------------------------------------------------------ both pages
    'page.title': 'Pressroom – search press releases',
    'page.titleSuffix': '{title} – Pressroom',
    'ui.switch': 'Language',
    'header.tagline': 'municipal press releases',
    'search.label': 'Search press releases',
    'search.button': 'Search',
    'search.hint': 'Press {slash} to jump here. Words are matched in any form; quote a phrase for exact wording.',
    'footer.text': 'Pressroom full-text search. Highlighting marks the words you searched for.',
    'release.untitled': 'Untitled release',
    'date.undated': 'undated',
    'date.undatedTitle': 'Undated',
    'retry': 'Try again',
    'cite.button': 'Cite',
    'cite.thisQuote': ' this quote',
    'cite.noDate': 'n.d.',
    'cite.quotedIn': 'Quoted in:',
    'cite.speakerNotStated': 'Speaker not stated',
    'copy.copied': 'Copied to the clipboard.',
    'copy.selected': 'Selected: copy it with Ctrl+C (⌘C on a Mac).',
    'time.separator': ', ',

    // ------------------------------------------------------------ the search page: header
    'skip.results': 'Skip to results',
    'search.placeholder': 'e.g. Integration Council',
    'suggest.label': 'Suggestions',
    'suggest.kindRelease': 'Release',
    'suggest.releases': { one: ' release', other: ' releases' },
    'suggest.status': { one: '{count} suggestion; use the up and down arrows to choose.', other: '{count} suggestions; use the up and down arrows to choose.' },
    'reading.label': 'Searched for: ',
    'verify.link': 'Check a quote',
    'syntax.summary': 'Search syntax',
    'syntax.phrase': 'the exact phrase',
    'syntax.without': 'without that word',
    'syntax.or': 'either word (operators in capitals)',
    'syntax.title': 'the word in the title',
    'syntax.category': 'in that category ({not} leaves it out)',
    'syntax.date': 'dated in that range; also {a}, {b}, {c}',
    'syntax.year': 'released in that year',
    'syntax.lang': 'in that language',
    'syntax.source': 'from that source',

    // ------------------------------------------------------------ filters
    'facets.label': 'Filter the results',
    'facets.toggle': 'Filters',
    'facets.heading': 'Filter the results',
    'facets.category': 'Category',
    'facets.source': 'Source',
    'facets.lang': 'Language',
    'facets.year': 'Year',
    'facets.undated': 'Undated',
    'facets.selected': ' (selected: remove this filter)',
    'facets.fromQuery': 'Asked for in the query',
    'facets.fromQueryHidden': ' (asked for in the query)',
    'facets.showFewer': 'Show fewer',
    'facets.showAll': 'Show all {count}',
    'dates.legend': 'Date range',
    'dates.hint': 'YYYY, YYYY-MM or YYYY-MM-DD',
    'dates.from': 'From',
    'dates.to': 'To',
    'dates.apply': 'Apply dates',
    'dates.bad': '“{value}” is not a date this search understands: write YYYY, YYYY-MM or YYYY-MM-DD, for example 2015 or 2015-03.',
    'chips.heading': 'Active filters',
    'chips.remove': 'Remove the filter {label}: {value}',
    'chips.category': 'Category',
    'chips.source': 'Source',
    'chips.lang': 'Language',
    'chips.year': 'Year',
    'chips.not_category': 'Not category',
    'chips.not_source': 'Not source',
    'chips.not_lang': 'Not language',
    'chips.not_year': 'Not year',
    'chips.from': 'From',
    'chips.to': 'To',
    'chips.date': 'Date',
    'chips.undatedOnly': 'undated only',
    'chips.clear': 'Clear all filters',

    // ------------------------------------------------------------ results
    'results.heading': 'Results',
    'tabs.label': 'Search in',
    'tabs.releases': 'Releases',
    'tabs.quotes': 'Quotes',
    'sort.label': 'Sort',
    'sort.relevance': 'Relevance',
    'sort.newest': 'Newest first',
    'sort.oldest': 'Oldest first',
    'export.label': 'Export',
    'export.before': 'these results as ',
    'export.after': '',
    'feed.link': 'Atom feed',
    'feed.hidden': ' of this search',
    'feed.title': 'Pressroom: {query}',
    'feed.titleNewest': 'Pressroom: newest releases',
    'pagination.label': 'Result pages',
    'pagination.previous': 'Previous',
    'pagination.next': 'Next',
    'pagination.page': 'Page {page}',
    'loading': 'Searching…',
    'title.search': '{query} – Pressroom search',
    'count.result': { one: '{count} result', other: '{count} results' },
    'count.resultAbout': { one: 'about {count} result', other: 'about {count} results' },
    'count.release': { one: '{count} release', other: '{count} releases' },
    'count.releaseAbout': { one: 'about {count} release', other: 'about {count} releases' },
    'count.quote': { one: '{count} quote', other: '{count} quotes' },
    'count.quoteAbout': { one: 'about {count} quote', other: 'about {count} quotes' },
    'count.forQuery': '{count} for {query}',
    'count.newest.release': 'Newest releases',
    'count.oldest.release': 'Oldest releases',
    'count.newest.quote': 'Newest quotes',
    'count.oldest.quote': 'Oldest quotes',
    // {count}: "12 releases"; {n}: the number alone, "12 results" ("12건").
    'count.inAll': '{which} ({count} in all)',
    'count.pageOf': ' · page {page} of {last}',
    'count.page': ' · page {page}',
    'count.took': ' · {ms} ms',
    'hit.original': 'original',
    'hit.similar': 'Similar',
    'hit.similarHidden': ' releases',
    'suggestion.didYouMean': 'Did you mean {link}?',
    'error.unreachable': 'Could not reach the search service. Check your connection and try again.',
    'error.http': 'The search service answered with an error (HTTP {status}).',
    'error.unreadable': 'The search service sent an answer this page cannot read.',
    'error.search': 'The search could not be run',
    'error.againPageSettings': 'Search again with the usual page settings',
    'error.showNewest': 'Show the newest releases',
    'error.againNoFilters': 'Search again without filters or sorting',
    'error.showNewestNoFilters': 'Show the newest releases without filters',
    'error.noResults': 'No results shown.',
    'error.noResultsFor': 'No results shown for {query}.',
    'empty.fewerThanEstimated': 'There are fewer results than estimated. ',
    'empty.pages': { one: 'There is 1 page of results. ', other: 'There are {count} pages of results. ' },
    'empty.pastEnd': 'This page is past the end of the results.',
    'empty.firstPage': 'Go to the first page',
    'empty.noReleases': 'There are no releases in the index yet.',
    'empty.noFilterMatch': 'No releases match these filters.',
    'empty.removeFilter': 'Remove a filter above, or {link}.',
    'empty.browseNewestLower': 'browse the newest releases',
    'empty.noMatch': 'No releases match {query}.',
    'empty.ideas': 'Some ideas:',
    'empty.tipSpelling': 'Check the spelling of each word.',
    'empty.tipFewer': 'Try fewer words, or more general ones (“council” rather than “councillors’ committee”).',
    'empty.tipOperators': 'Drop quotation marks or operators such as AND, OR and NOT.',
    'empty.tipNoFilters': '{link}.',
    'empty.searchNoFilters': 'Search without the filters',
    'empty.instead': '{link} instead.',
    'empty.browseNewest': 'Browse the newest releases',

    // ------------------------------------------------------------ similar releases
    'similar.title': 'Similar releases – Pressroom',
    'similar.titleOf': 'Similar to {title} – Pressroom',
    'similar.heading': 'Releases similar to {link}',
    'similar.thisRelease': 'this release',
    'similar.error': 'Similar releases could not be found',
    'similar.noneShown': 'No similar releases shown.',
    'similar.none': 'No similar releases were found.',

    // ------------------------------------------------------------ quotes
    'title.quotes': '{query} – Pressroom quotes',
    'title.quotesAll': 'Quotes – Pressroom',
    'quotes.error': 'The quotes could not be searched',
    'quotes.releaseOnlyFilters': 'The category, source, language, year and “undated” filters apply to releases only: these quotes are not filtered by them.',
    'quotes.paragraph': 'paragraph {from}',
    'quotes.paragraphs': 'paragraphs {from}–{to}',
    'quotes.speakerTitle': '{speaker}: quotes year by year',
    'quotes.namedAs': ' (named “{as}” in the release)',
    'quotes.releaseSays': ' (the release says “{as}”)',
    'quotes.in': 'In {release}{paragraph}',
    'quotes.paragraphSep': ', {paragraph}',
    'quotes.fewerThanEstimated': 'There are fewer quotes than estimated. ',
    'quotes.pages': { one: 'There is 1 page of quotes. ', other: 'There are {count} pages of quotes. ' },
    'quotes.pastEnd': 'This page is past the end of the quotes.',
    'quotes.noneInReleases': 'No quotations have been found in the releases.',
    'quotes.noMatch': 'No quotes match {query}.',
    'quotes.tipWords': 'Quotes are the words the releases put in quotation marks: try fewer words, or the words the speaker would have used.',
    'quotes.tipReleases': '{link} for the same words.',
    'quotes.searchReleases': 'Search the releases',
    'quotes.tipVerify': '{link} you read elsewhere against the releases.',
    'speakers.heading': 'Most quoted',
    'speakers.label': 'Speakers',
    'speakers.find': 'Find a speaker',
    'speakers.placeholder': 'e.g. Park',
    'speakers.error': 'The speakers could not be listed.',
    'speakers.quotes': { one: ' quote', other: ' quotes' },
    'speakers.noMatch': 'No speaker’s name matches “{filter}”.',
    'speakers.none': 'No quotes were found in the releases.',
    'speakers.shown': '{shown} of {total} speakers shown.',

    // ------------------------------------------------------------ a speaker's timeline
    'timeline.title': 'Quotes by {name} – Pressroom',
    'timeline.heading': 'Quotes by {name}',
    'timeline.allFor': 'All quotes for {query}',
    'timeline.all': 'All quotes',
    'timeline.notFound': 'No quotes by {name} were found',
    'timeline.error': 'The speaker’s quotes could not be shown',
    'timeline.noneShown': 'No quotes shown.',
    'timeline.summary': '{count}{matching}{years}{undated}.',
    'timeline.matching': ' matching {query}',
    'timeline.inYear': ', in {year}',
    'timeline.yearSpan': ', {first} to {last}',
    'timeline.undated': ' ({count} undated)',
    'timeline.everyQuote': 'Every quote by {name}',
    'timeline.releasesQuoting': 'Releases quoting {name}',
    'timeline.noneMatch': 'None of {name}’s quotes match {query}.',
    'timeline.noQuotes': '{name} has no quotes in the releases.',
    'timeline.chart': 'Quotes per year',
    'timeline.chartScrolls': 'Quotes per year (scrolls sideways)',
    'timeline.undatedStrong': '{count} undated',
    'timeline.undatedOnly': { one: '{strong}: the release this quote comes from states no date.', other: '{strong}: the releases these quotes come from state no date.' },
    'timeline.firstListed': 'The first {count} of them are listed below.',
    'timeline.group': { one: '{heading}: {count} quote', other: '{heading}: {count} quotes' },

    // ------------------------------------------------------------ "Check a quote"
    'verify.title': 'Check a quote – Pressroom',
    'verify.heading': 'Check a quote',
    'verify.intro': 'Paste a quotation as it was printed or reported elsewhere. Pressroom looks for it in the releases and shows, word by word, how it differs from the original.',
    'verify.textLabel': 'The quotation as printed',
    'verify.button': 'Check',
    'verify.kbd': 'or {ctrl}+{enter}',
    'verify.empty': 'Paste or type the quotation you want to check first.',
    'verify.checking': 'Checking…',
    'verify.error': 'The quote could not be checked',
    'verify.verbatim': 'Found word for word',
    'verify.close': 'Found, but not word for word',
    'verify.none': 'Nothing close was found',
    'verify.similarity': 'Similarity: {pct}%',
    'verify.readParagraph': 'Read paragraph {paragraph} of the release',
    'verify.readRelease': 'Read it in the release',
    'verify.differs': 'What differs from the release',
    'verify.same': 'The wording is the same as in the release.',
    'verify.inRelease': 'The quote in the release',
    'diff.key': 'Key to the differences',
    'diff.plain': 'plain',
    'diff.plainText': ' the same in both',
    'diff.added': 'added',
    'diff.addedText': ' only in the printed version',
    'diff.missing': 'left out',
    'diff.missingText': ' in the release, left out',
    'diff.said': 'said',
    'diff.printed': 'printed',
    'diff.changedText': ' changed: the release’s word, then the printed one',

    // ------------------------------------------------------------ the release page (/doc/{id})
    'doc.skip': 'Skip to the release',
    'doc.backSearch': '← Search',
    'doc.backResults': '← Back to results',
    'doc.meta.date': 'Date',
    'doc.meta.updated': 'Updated',
    'doc.meta.publisher': 'Publisher',
    'doc.meta.category': 'Category',
    'doc.meta.reference': 'Reference',
    'doc.meta.original': 'Original',
    'doc.meta.byline': 'Byline',
    'doc.similar': 'Similar releases',
    'doc.similarHeading': 'Similar releases',
    'doc.paragraphLink': 'Link to paragraph {paragraph}',
    'doc.noText': 'This release has no text.',
    'doc.similarLoading': 'Loading similar releases…',
    'doc.similarNone': 'No similar releases were found.',
    'doc.similarError': 'Similar releases could not be loaded. ',
    'notFound.title': 'Release not found',
    'notFound.text': 'No release has the id {id}. It may have been removed from the index, or the address may be mistyped.',
    'notFound.search': 'Search the press releases',
  };

  const ko = {
    'page.title': 'Pressroom – 보도자료 검색',
    'page.titleSuffix': '{title} – Pressroom',
    'ui.switch': '언어',
    'header.tagline': '지방자치단체 보도자료',
    'search.label': '보도자료 검색',
    'search.button': '검색',
    'search.hint': '{slash} 키를 누르면 검색창으로 이동합니다. 단어는 활용형이 달라도 찾으며, 정확한 문구를 찾으려면 따옴표로 묶으세요.',
    'footer.text': 'Pressroom 전문 검색. 강조 표시는 검색한 단어입니다.',
    'release.untitled': '제목 없는 보도자료',
    'date.undated': '날짜 없음',
    'date.undatedTitle': '날짜 없음',
    'retry': '다시 시도',
    'cite.button': '출처 표기',
    'cite.thisQuote': ' (이 인용문)',
    'cite.noDate': '날짜 없음',
    'cite.quotedIn': '인용 출처:',
    'cite.speakerNotStated': '발언자 미상',
    'copy.copied': '클립보드에 복사했습니다.',
    'copy.selected': '선택했습니다. Ctrl+C(Mac에서는 ⌘C)로 복사하세요.',
    'time.separator': ' ',

    'skip.results': '검색 결과로 건너뛰기',
    'search.placeholder': '예: 박원순, Integration Council',
    'suggest.label': '추천 검색어',
    'suggest.kindRelease': '보도자료',
    'suggest.releases': { other: '건' },
    'suggest.status': { other: '추천 검색어 {count}개가 있습니다. 위아래 화살표 키로 고르세요.' },
    'reading.label': '검색 해석: ',
    'verify.link': '인용문 확인',
    'syntax.summary': '검색 문법',
    'syntax.phrase': '정확히 이 문구',
    'syntax.without': '이 단어가 없는 것',
    'syntax.or': '두 단어 중 하나 (연산자는 대문자로)',
    'syntax.title': '제목에 이 단어가 있는 것',
    'syntax.category': '이 분류에 속한 것 ({not}은 제외)',
    'syntax.date': '이 기간의 날짜인 것. {a}, {b}, {c}도 됩니다',
    'syntax.year': '이 해에 발표된 것',
    'syntax.lang': '이 언어로 쓰인 것',
    'syntax.source': '이 출처에서 나온 것',

    'facets.label': '검색 결과 좁히기',
    'facets.toggle': '필터',
    'facets.heading': '검색 결과 좁히기',
    'facets.category': '분류',
    'facets.source': '출처',
    'facets.lang': '언어',
    'facets.year': '연도',
    'facets.undated': '날짜 없음',
    'facets.selected': ' (선택됨: 이 필터 해제)',
    'facets.fromQuery': '검색어에서 지정함',
    'facets.fromQueryHidden': ' (검색어에서 지정함)',
    'facets.showFewer': '접기',
    'facets.showAll': '{count}개 모두 보기',
    'dates.legend': '기간',
    'dates.hint': 'YYYY, YYYY-MM 또는 YYYY-MM-DD',
    'dates.from': '시작',
    'dates.to': '끝',
    'dates.apply': '기간 적용',
    'dates.bad': '“{value}”은(는) 이 검색에서 알 수 없는 날짜입니다. YYYY, YYYY-MM 또는 YYYY-MM-DD 형식으로 쓰세요(예: 2015, 2015-03).',
    'chips.heading': '적용된 필터',
    'chips.remove': '{label} 필터 해제: {value}',
    'chips.category': '분류',
    'chips.source': '출처',
    'chips.lang': '언어',
    'chips.year': '연도',
    'chips.not_category': '제외한 분류',
    'chips.not_source': '제외한 출처',
    'chips.not_lang': '제외한 언어',
    'chips.not_year': '제외한 연도',
    'chips.from': '시작',
    'chips.to': '끝',
    'chips.date': '날짜',
    'chips.undatedOnly': '날짜 없는 것만',
    'chips.clear': '필터 모두 해제',

    'results.heading': '검색 결과',
    'tabs.label': '검색 대상',
    'tabs.releases': '보도자료',
    'tabs.quotes': '인용문',
    'sort.label': '정렬',
    'sort.relevance': '관련도순',
    'sort.newest': '최신순',
    'sort.oldest': '오래된순',
    'export.label': '내보내기',
    'export.before': '이 검색 결과를 ',
    'export.after': ' 파일로',
    'feed.link': 'Atom 피드',
    'feed.hidden': ' (이 검색)',
    'feed.title': 'Pressroom: {query}',
    'feed.titleNewest': 'Pressroom: 최신 보도자료',
    'pagination.label': '결과 페이지',
    'pagination.previous': '이전',
    'pagination.next': '다음',
    'pagination.page': '{page}페이지',
    'loading': '검색 중…',
    'title.search': '{query} – Pressroom 검색',
    'count.result': { other: '{count}건' },
    'count.resultAbout': { other: '약 {count}건' },
    'count.release': { other: '보도자료 {count}건' },
    'count.releaseAbout': { other: '보도자료 약 {count}건' },
    'count.quote': { other: '인용문 {count}건' },
    'count.quoteAbout': { other: '인용문 약 {count}건' },
    'count.forQuery': '{query} 검색 결과 {count}',
    'count.newest.release': '최신 보도자료',
    'count.oldest.release': '오래된 보도자료',
    'count.newest.quote': '최신 인용문',
    'count.oldest.quote': '오래된 인용문',
    'count.inAll': '{which} (전체 {n})',
    'count.pageOf': ' · {last}페이지 중 {page}페이지',
    'count.page': ' · {page}페이지',
    'count.took': ' · {ms}ms',
    'hit.original': '원문',
    'hit.similar': '비슷한 보도자료',
    'hit.similarHidden': '',
    'suggestion.didYouMean': '이것을 찾으셨나요? {link}',
    'error.unreachable': '검색 서비스에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도하세요.',
    'error.http': '검색 서비스가 오류로 응답했습니다(HTTP {status}).',
    'error.unreadable': '검색 서비스가 보낸 응답을 이 페이지에서 읽을 수 없습니다.',
    'error.search': '검색을 실행할 수 없습니다',
    'error.againPageSettings': '기본 페이지 설정으로 다시 검색',
    'error.showNewest': '최신 보도자료 보기',
    'error.againNoFilters': '필터와 정렬 없이 다시 검색',
    'error.showNewestNoFilters': '필터 없이 최신 보도자료 보기',
    'error.noResults': '표시된 결과가 없습니다.',
    'error.noResultsFor': '{query}: 표시된 결과가 없습니다.',
    'empty.fewerThanEstimated': '결과가 추정보다 적습니다. ',
    'empty.pages': { other: '결과는 {count}페이지까지 있습니다. ' },
    'empty.pastEnd': '이 페이지는 검색 결과의 마지막 페이지를 넘었습니다.',
    'empty.firstPage': '첫 페이지로 가기',
    'empty.noReleases': '색인에 아직 보도자료가 없습니다.',
    'empty.noFilterMatch': '이 필터에 맞는 보도자료가 없습니다.',
    'empty.removeFilter': '위의 필터를 해제하거나 {link}.',
    'empty.browseNewestLower': '최신 보도자료를 살펴보세요',
    'empty.noMatch': '{query}에 대한 검색 결과가 없습니다.',
    'empty.ideas': '이렇게 해 보세요:',
    'empty.tipSpelling': '단어의 철자를 확인하세요.',
    'empty.tipFewer': '단어 수를 줄이거나 더 일반적인 단어로 검색해 보세요(“councillors’ committee” 대신 “council”).',
    'empty.tipOperators': '따옴표나 AND, OR, NOT 같은 연산자를 빼 보세요.',
    'empty.tipNoFilters': '{link}.',
    'empty.searchNoFilters': '필터 없이 검색하기',
    'empty.instead': '대신 {link}.',
    'empty.browseNewest': '최신 보도자료 살펴보기',

    'similar.title': '비슷한 보도자료 – Pressroom',
    'similar.titleOf': '비슷한 보도자료: {title} – Pressroom',
    'similar.heading': '비슷한 보도자료: {link}',
    'similar.thisRelease': '이 보도자료',
    'similar.error': '비슷한 보도자료를 찾을 수 없습니다',
    'similar.noneShown': '표시된 비슷한 보도자료가 없습니다.',
    'similar.none': '비슷한 보도자료가 없습니다.',

    'title.quotes': '{query} – Pressroom 인용문',
    'title.quotesAll': '인용문 – Pressroom',
    'quotes.error': '인용문을 검색할 수 없습니다',
    'quotes.releaseOnlyFilters': '분류, 출처, 언어, 연도, “날짜 없음” 필터는 보도자료에만 적용되며 이 인용문에는 적용되지 않았습니다.',
    'quotes.paragraph': '{from}번째 문단',
    'quotes.paragraphs': '{from}–{to}번째 문단',
    'quotes.speakerTitle': '{speaker}: 연도별 인용문',
    'quotes.namedAs': ' (보도자료의 표기: “{as}”)',
    'quotes.releaseSays': ' (보도자료의 표기: “{as}”)',
    'quotes.in': '출처: {release}{paragraph}',
    'quotes.paragraphSep': ', {paragraph}',
    'quotes.fewerThanEstimated': '인용문이 추정보다 적습니다. ',
    'quotes.pages': { other: '인용문은 {count}페이지까지 있습니다. ' },
    'quotes.pastEnd': '이 페이지는 인용문의 마지막 페이지를 넘었습니다.',
    'quotes.noneInReleases': '보도자료에서 찾은 인용문이 없습니다.',
    'quotes.noMatch': '{query}에 해당하는 인용문이 없습니다.',
    'quotes.tipWords': '인용문은 보도자료에서 따옴표로 묶인 말입니다. 단어 수를 줄이거나 발언자가 썼을 법한 단어로 검색해 보세요.',
    'quotes.tipReleases': '같은 단어로 {link}.',
    'quotes.searchReleases': '보도자료 검색하기',
    'quotes.tipVerify': '다른 곳에서 읽은 인용문을 보도자료와 대조하려면 {link}.',
    'speakers.heading': '가장 많이 인용된 사람',
    'speakers.label': '발언자',
    'speakers.find': '발언자 찾기',
    'speakers.placeholder': '예: Park',
    'speakers.error': '발언자 목록을 불러올 수 없습니다.',
    'speakers.quotes': { other: '건' },
    'speakers.noMatch': '이름이 “{filter}”와(과) 일치하는 발언자가 없습니다.',
    'speakers.none': '보도자료에서 찾은 인용문이 없습니다.',
    'speakers.shown': '발언자 {total}명 중 {shown}명을 표시했습니다.',

    'timeline.title': '{name}의 인용문 – Pressroom',
    'timeline.heading': '{name}의 인용문',
    'timeline.allFor': '{query} 관련 모든 인용문',
    'timeline.all': '모든 인용문',
    'timeline.notFound': '{name}의 인용문을 찾을 수 없습니다',
    'timeline.error': '발언자의 인용문을 표시할 수 없습니다',
    'timeline.noneShown': '표시된 인용문이 없습니다.',
    'timeline.summary': '{count}{matching}{years}{undated}.',
    'timeline.matching': ' ({query} 관련)',
    'timeline.inYear': ', {year}년',
    'timeline.yearSpan': ', {first}–{last}년',
    'timeline.undated': ' (날짜 없음 {count}건)',
    'timeline.everyQuote': '{name}의 모든 인용문',
    'timeline.releasesQuoting': '{name}의 말을 인용한 보도자료',
    'timeline.noneMatch': '{name}의 인용문 중 {query}에 해당하는 것이 없습니다.',
    'timeline.noQuotes': '보도자료에 {name}의 인용문이 없습니다.',
    'timeline.chart': '연도별 인용문 수',
    'timeline.chartScrolls': '연도별 인용문 수 (가로로 스크롤)',
    'timeline.undatedStrong': '날짜 없음 {count}건',
    'timeline.undatedOnly': { other: '{strong}: 인용문이 나온 보도자료에 날짜가 없습니다.' },
    'timeline.firstListed': '아래에 그중 처음 {count}건을 보여 줍니다.',
    'timeline.group': { other: '{heading}: 인용문 {count}건' },

    'verify.title': '인용문 확인 – Pressroom',
    'verify.heading': '인용문 확인',
    'verify.intro': '다른 곳에 실리거나 보도된 인용문을 붙여 넣으세요. Pressroom이 보도자료에서 그 인용문을 찾아, 원문과 어떻게 다른지 단어별로 보여 줍니다.',
    'verify.textLabel': '보도된 그대로의 인용문',
    'verify.button': '확인',
    'verify.kbd': '또는 {ctrl}+{enter}',
    'verify.empty': '먼저 확인할 인용문을 붙여 넣거나 입력하세요.',
    'verify.checking': '확인 중…',
    'verify.error': '인용문을 확인할 수 없습니다',
    'verify.verbatim': '원문과 똑같은 인용문을 찾았습니다',
    'verify.close': '비슷한 인용문을 찾았지만 원문과 다릅니다',
    'verify.none': '비슷한 인용문을 찾지 못했습니다',
    'verify.similarity': '유사도: {pct}%',
    'verify.readParagraph': '보도자료의 {paragraph}번째 문단 읽기',
    'verify.readRelease': '보도자료에서 읽기',
    'verify.differs': '보도자료와 다른 점',
    'verify.same': '문구가 보도자료와 같습니다.',
    'verify.inRelease': '보도자료 속 인용문',
    'diff.key': '차이 표시 설명',
    'diff.plain': '보통',
    'diff.plainText': ' 양쪽이 같음',
    'diff.added': '추가',
    'diff.addedText': ' 보도된 쪽에만 있음',
    'diff.missing': '빠짐',
    'diff.missingText': ' 보도자료에는 있으나 빠짐',
    'diff.said': '원문',
    'diff.printed': '보도',
    'diff.changedText': ' 바뀜: 보도자료의 단어, 그다음 보도된 단어',

    'doc.skip': '본문으로 건너뛰기',
    'doc.backSearch': '← 검색',
    'doc.backResults': '← 검색 결과로 돌아가기',
    'doc.meta.date': '날짜',
    'doc.meta.updated': '수정',
    'doc.meta.publisher': '발행처',
    'doc.meta.category': '분류',
    'doc.meta.reference': '참조 번호',
    'doc.meta.original': '원문',
    'doc.meta.byline': '작성자',
    'doc.similar': '비슷한 보도자료',
    'doc.similarHeading': '비슷한 보도자료',
    'doc.paragraphLink': '{paragraph}번째 문단 링크',
    'doc.noText': '이 보도자료에는 본문이 없습니다.',
    'doc.similarLoading': '비슷한 보도자료를 불러오는 중…',
    'doc.similarNone': '비슷한 보도자료가 없습니다.',
    'doc.similarError': '비슷한 보도자료를 불러올 수 없습니다. ',
    'notFound.title': '보도자료를 찾을 수 없습니다',
    'notFound.text': 'ID가 {id}인 보도자료가 없습니다. 색인에서 삭제되었거나 주소가 잘못 입력되었을 수 있습니다.',
    'notFound.search': '보도자료 검색하기',
  };

  const MESSAGES = { en, ko };
  const known = (lang) => typeof lang === 'string' && Object.hasOwn(LANGUAGES, lang);

  // ------------------------------------------------------------ which language

  function fromAddress() {
    const v = new URLSearchParams(location.search).get(PARAM);
    return known(v) ? v : null;
  }

  function remembered() {
    try {
      const v = window.localStorage.getItem(STORE_KEY);
      return known(v) ? v : null;
    } catch {
      return null; // storage refused (private mode, a sandbox): the browser's language decides
    }
  }

  function remember(lang) {
    try {
      window.localStorage.setItem(STORE_KEY, lang);
    } catch {
      // the choice still holds for this page and its address
    }
  }

  function fromBrowser() {
    const list = Array.isArray(navigator.languages) && navigator.languages.length
      ? navigator.languages : [navigator.language || ''];
    return list.some((l) => /^ko(?:-|$)/i.test(String(l))) ? 'ko' : 'en';
  }

  let lang = fromAddress();
  // Chosen (by the switch or the address), as opposed to taken from the browser: only a chosen
  // language is written into the page's address.
  let chosen = lang != null;
  if (lang) remember(lang);
  else {
    lang = remembered();
    chosen = lang != null;
    if (!lang) lang = fromBrowser();
  }

  const listeners = [];

  function setLanguage(next) {
    if (!known(next)) return;
    remember(next);
    const same = next === lang && chosen;
    chosen = true;
    lang = next;
    if (!same) for (const fn of listeners) fn(lang);
  }

  // ------------------------------------------------------------ messages

  const pluralRules = {};
  function pluralOf(n) {
    if (!pluralRules[lang]) pluralRules[lang] = new Intl.PluralRules(lang);
    return pluralRules[lang].select(n);
  }

  function number(n) {
    return Number(n).toLocaleString(LANGUAGES[lang].numberLocale);
  }

  function template(key, params, language = lang) {
    const table = MESSAGES[language];
    let msg = Object.hasOwn(table, key) ? table[key] : (Object.hasOwn(en, key) ? en[key] : key);
    if (msg && typeof msg === 'object') {
      const n = Number(params && params.count);
      msg = msg[pluralOf(n)] ?? msg.other;
    }
    return String(msg);
  }

  function value(params, name) {
    const v = params[name];
    if (name === 'count' && typeof v === 'number') return number(v);
    return v;
  }

  // The message as strings and nodes: a node param is put in as it is.
  function parts(key, params = {}, language = lang) {
    const out = [];
    const re = /\{(\w+)\}/g;
    const msg = template(key, params, language);
    let at = 0;
    for (let m = re.exec(msg); m; m = re.exec(msg)) {
      if (!Object.hasOwn(params, m[1])) continue;
      if (m.index > at) out.push(msg.slice(at, m.index));
      const v = value(params, m[1]);
      out.push(v instanceof Node ? v : String(v ?? ''));
      at = m.index + m[0].length;
    }
    if (at < msg.length) out.push(msg.slice(at));
    return out.filter((p) => p !== '');
  }

  function t(key, params = {}) {
    return parts(key, params).map((p) => (p instanceof Node ? p.textContent : p)).join('');
  }

  // The English message, to recognise a label the daemon wrote.
  function english(key, params = {}) {
    return parts(key, params, 'en').map((p) => (p instanceof Node ? p.textContent : p)).join('');
  }

  // The key under `prefix` whose English message is `text` ("Publisher" -> "doc.meta.publisher").
  function keyFor(prefix, text) {
    return Object.keys(en).find((k) => k.startsWith(prefix) && en[k] === text) || null;
  }

  // ------------------------------------------------------------ static pages

  const slotsOf = new WeakMap();

  function applyStatic(root = document) {
    for (const node of root.querySelectorAll('[data-i18n]')) {
      let slots = slotsOf.get(node);
      if (!slots) {
        slots = {};
        for (const child of node.children) if (child.dataset.i18nSlot) slots[child.dataset.i18nSlot] = child;
        slotsOf.set(node, slots);
      }
      node.replaceChildren(...parts(node.dataset.i18n, slots));
    }
    for (const node of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of node.dataset.i18nAttr.split(';')) {
        const [attr, key] = pair.split(':').map((s) => s.trim());
        if (attr && key) node.setAttribute(attr, t(key));
      }
    }
  }

  // ------------------------------------------------------------ the switch

  // The address of this page in `language` (what the switch's links point at).
  function addressIn(language, href = location.href) {
    const u = new URL(href);
    u.searchParams.set(PARAM, language);
    return u.pathname + u.search + u.hash;
  }

  // The address with `ui=` saying the language when it was chosen (never when it only follows
  // the browser), as a path; null when it already says so.
  function syncedAddress(href = location.href) {
    const u = new URL(href);
    if (!chosen || u.searchParams.get(PARAM) === lang) return null;
    u.searchParams.delete(PARAM);
    u.searchParams.append(PARAM, lang);
    return u.pathname + u.search + u.hash;
  }

  // "English | 한국어": links to this page in either language; a click switches in place.
  function mountSwitch(parent) {
    const nav = document.createElement('nav');
    nav.className = 'lang-switch';
    nav.id = 'lang-switch';
    nav.dataset.i18nAttr = 'aria-label: ui.switch';
    nav.setAttribute('aria-label', t('ui.switch'));
    Object.keys(LANGUAGES).forEach((code, i) => {
      if (i) {
        const sep = document.createElement('span');
        sep.className = 'lang-sep';
        sep.setAttribute('aria-hidden', 'true');
        sep.textContent = ' | ';
        nav.append(sep);
      }
      const a = document.createElement('a');
      a.lang = code;
      a.hreflang = code;
      a.dataset.ui = code;
      a.textContent = LANGUAGES[code].name;
      a.addEventListener('click', (e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        setLanguage(code);
        refreshSwitch();
      });
      nav.append(a);
    });
    parent.append(nav);
    refreshSwitch();
    return nav;
  }

  // The switch's links follow the address and the language.
  function refreshSwitch() {
    for (const a of document.querySelectorAll('#lang-switch a[data-ui]')) {
      a.href = addressIn(a.dataset.ui);
      if (a.dataset.ui === lang) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  }

  return {
    get lang() { return lang; },
    get chosen() { return chosen; },
    get dateLocale() { return LANGUAGES[lang].dateLocale; },
    get numberLocale() { return LANGUAGES[lang].numberLocale; },
    PARAM,
    t,
    parts,
    english,
    keyFor,
    number,
    applyStatic,
    setLanguage,
    onChange(fn) { listeners.push(fn); },
    syncedAddress,
    mountSwitch,
    refreshSwitch,
  };
})();
