//! Analysis: sentences, passages, entities and dates of an article's text.

/// The version of the analysis: passages, entities and dates. Raised when the same text comes out
/// differently (a fix to the recogniser's sentences, say); an index records the version its
/// articles were analysed with, and the next run over its corpus analyses them all again
/// ([`crate::Indexer`]), as it would after a schema change, but with the index readable meanwhile.
///
/// 1: names wrapped after a cut dateline, archive sign-offs, an untitled story's first sentence
/// kept in its body. 2: angle brackets (wire copy's company names and tickers) out of names,
/// and the names they mark as companies; a short name takes the kind of the longer one it is
/// part of (`Moody` a company beside `Moody's Investors Service Inc`, and then that name);
/// `Standard and Poor's Corp` and the GATT's full name whole. 3: companies' names whole
/// across a bracketed qualifier, a comma between partners and before `and Co` (`Yamaichi
/// International (Europe) Ltd`, `Kidder, Peabody and Co`), cut at a designator's full stop, a
/// lone designator joined or dropped; the model's gazetteer as training builds it now; a
/// listed name's possessive kept (`Moody's`), initials' last full stop put back (`U.S`);
/// `a Texas Democrat` a place and a party member; a capitalised adverb (`Additionally,`) no
/// name. 4: a place's, person's or other name that opens a company's name in the same article
/// is that company's short form (`Dome` beside `Dome Petroleum Ltd`), unless a place or a
/// nationality. 5: an office's title before a person's name, which the model took into an
/// organisation's name, is left out and the rest is the person (`U.S. Trade Representative
/// Clayton Yeutter`). 6: a short form in capitals (a headline's `DOME`) is the company's as
/// its writing in running text is. 7: a place in capitals alone (a dateline's `WASHINGTON`) is
/// named as running text writes it. 8: a name inside angle brackets fills them (`<ANCHOR
/// FINANCIAL CORP>`); a headline's name in capitals is mended by the body's names it holds or
/// lies in (`OPEC WANTS` is `OPEC`, `BANK OF` and `JAPAN` are `BANK OF JAPAN`); a name in
/// capitals before a dateline's date is a place, written capitalised (`Sao Paulo`); a state's
/// abbreviation as a place is the state (`Calif.` is `California`); names joined by a slash
/// that the gazetteer knows are each a name (`U.S./Japan`); a headline's company before its
/// ticker starts at the headline's first word (`GOLDEN WEST FINANCIAL CORP <GDW>`); author
/// facets count each writer a byline names (`index::bylines`); `West German` is a nationality,
/// not a place. 9: an acronym is the name it abbreviates in the article (`SEC` is the
/// `Securities and Exchange Commission`), which the index keeps; `The Bank` is the article's
/// `Bank of England` as `Bank` is; a department is named `Department of X` (`Agriculture
/// Department` is `Department of Agriculture`). 10: the index keeps every shorter form an
/// article writes a name in besides acronyms (`Moody's` for `Moody's Investors Service Inc`); a
/// clipped name is the article's name it clips (`Fed` is the `Federal Reserve`). 11: the wire's
/// `"s` possessive is `'s` (`Venezuela"s` is `Venezuela`), and a closing quote run into the
/// next sentence ends its word (`added."If`). 12: a name's final designator is indexed in its
/// usual writing (`International Finance Corporation` is the `International Finance Corp`).
/// 13: a country's abbreviations and other names are one term (`U.S.` and `United States`).
/// 14: symbols the wire puts before a word are no part of a name (`****LONDON`, `+Bahia`); a
/// curly closing quote run into the next sentence ends its word (`added.”If`); a name's commas,
/// `&` and `Bros` are one term with the name without them, `and` and `Brothers`; a name after
/// a market job and `at` or `with`, or before one, is a firm's (`an analyst at Dean Witter`);
/// a point in a month (`end-January`) is no name. 15: a ticker after a company's name is that
/// company (`Merrill Lynch and Co Inc <MER>`), which the index keeps; a portfolio before an
/// office's title is no name (`West German Finance Minister`: `West German`); partners' names
/// before a third's and a designator are one company (`Donaldson, Lufkin and Jenrette
/// Securities Corp`), and so are names across a particle (`Regie Nationale des Usines Renault`)
/// or an abbreviated given name (`Alex. Brown and Sons Inc`); a pronoun's contraction is no name
/// (`I've`); a word the wire capitalised after `U.S.` is no part of a name (`the U.S. Trade
/// deficit`). 16: a landform's or a water's name is a place (`Gulf of Mexico`, `Mississippi
/// River`), and so are a country's initials or acronym alone (`USSR`, `U.K.`); the wire's codes
/// in capitals are no names (`APR`, `UNTRD`); a one-word name ending in a company's word is an
/// organisation (`Citicorp`, `Bundesbank`); a rank before an office's title is no part of a
/// name (`Federal Reserve Board Vice Chairman`). 17: a continent's or a region's name is a
/// place (`Latin America`), and a continent or a state is no short name of a longer place
/// (`Europe` of `Western Europe`); a crude oil's grade is another name (`West Texas
/// Intermediate`), and so is its acronym in the article (`WTI`); an initial or an abbreviated
/// title alone is no name (`C.`, `Rep.`); a name opening with another language's word for a
/// bank or a group, or closing with its company form, is an organisation's (`Gruppo
/// Ferruzzi`, `Neste Oy`); an index or a currency unit is another name (`Dow Jones Industrial
/// Average`, `European Currency Unit`), and a nationality is short for a qualified one only.
/// 18: a currency unit or a reference rate alone is another name (`Ecus`, `Libor`), and so is
/// a name before `Offered Rate` with it (`London Interbank Offered Rate`); a state's or a
/// province's name alone is a place (`Oregon`, `Ontario`, `Sichuan`); a parliament's chamber
/// and an armed force alone are organisations (`Lower House`, `Navy`); a common word alone is
/// no other name (`Loans`, `Open`), nor a credit rating where the article names a rating
/// agency (`A-2`, `AAA`, `B-minus`), nor a span of months in one word (`Oct/Dec`); a place's
/// name and `i` is a nationality (`Kuwaiti`), and a name and `-made` another name
/// (`U.S.-made`).
/// 19 to 21 (one session's changes, in three steps): a name with `and Co` after it is a
/// company's with it (`Lazard Freres and Co`, `Walker and Associates`), and across a comma
/// before a designator written with full stops (`Petroleos de Venezuela, S.A.`); a firm is
/// named after a market job and `for` (`analyst for Shearson Lehman`), after a person's name
/// and `of` (`Caroline Levy of E.F. Hutton`) or in a bond issue's syndicate (`lead manager
/// Drexel Burnham`, `Bear Stearns co-managed the deal`), and so is a place's name after a
/// market job unless the gazetteer knows the place (`analyst with Smith Barney`); a place's
/// name the model cut in two is one where the gazetteer or the states and provinces know it
/// whole (`New South Wales`); `And` joins partners as `and` does; a portfolio joined to another
/// before an office's title is no name (`Finance and Petroleum Minister`); a designator alone
/// (`A/S`), a table's totals (`TTL`) and the currencies' codes (`FFR`) are no names.
/// 22 and 23: a line break in wire copy is a sentence's end only where the next line's first
/// word would have fitted on the line with a character to spare (`Chairman Paul` / `Volcker.`
/// was cut in two names), and two names of one kind that a full line's end and the next line's
/// start cut apart are one (`Yasuhiro` / `Nakasone`). 24: a party member alone is another name,
/// whatever the model read (PER `Democrat`), and so is a country's nationality in `i` (PER
/// `Kuwaiti`). 25: economic and financial terms' acronyms are no names (`GNP`, `LIFO`, `CDs`).
/// 26: a number before a nationality is no part of it (`1,000 Australian dlrs`). 27: a
/// founder's name after a firm's initials is the firm's (`Hutton` beside `E.F. Hutton Group
/// Inc`). 28: so is the second word of a company's two-word name before its designators
/// (`Lilly` beside `Eli Lilly Inc`). 29: three or more partners with commas between them are
/// one firm (`L.F. Rothschild, Unterberg, Towbin Inc`), and the first partner alone is its
/// short form (`Kidder` beside `Kidder, Peabody and Co Inc`). 30: `House` alone is an
/// organisation, an earnings table's `Nine Mths` no name. 31: an embassy after its country is
/// no name of its own (`U.S. Embassy`). 32: a president's administration is the president
/// (`Reagan Administration`). 33: a generation's numeral is part of the person before it
/// (`T. Boone Pickens III`) and no name alone; `Chancellor` and `Sens.` alone are no names, nor
/// a common word opening a table's row (`ZINC       455 457`). 34: two names with `and`
/// between them where one firm is named are one firm (`economist at Phillips and Drew`). 35:
/// `Comex` and `Keidanren` are organisations. 36: so is `Wendy's International Inc`, and
/// `Capitol Hill` is a place. 37: an institution's adjective alone is no name
/// (`Congressional`). 38: a holiday is another name (`Easter`). 39: `the Administration` alone
/// is no name.
pub const ANALYSIS_VERSION: u32 = 39;

pub mod annotate;
pub mod ascii_fold;
pub mod dates;
pub mod entities;
pub mod lead;
pub mod passages;
pub mod sentences;
pub mod token_spans;
