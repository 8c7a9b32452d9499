// The grammar of tables: a header naming the keys and the columns, then a row a line between bars,
// `| myalgia || 9-10 visits | 8 weeks |`, the double bar parting a row's keys from its columns.
import type { IToken } from 'chevrotain';
import type * as A from '../ast.ts';
import * as T from '../tokens.ts';
import { unitFromWords } from '../units.ts';
import { joinedName, L, name, noRange, stringName, tokenRange, valid } from './base.ts';
import { VocabularyParser } from './vocabulary.ts';

type Clause = { forEach?: A.Name; choose?: A.TableChoice; kw?: IToken };
type Row = { keys: A.TableCell[]; cells: A.TableCell[] };
type Header = { keys: A.Name[]; columns: A.TableColumn[] };

const comparisons: Record<string, '<=' | '>=' | '<' | '>'> = { most: '<=', least: '>=', more: '>', less: '<', fewer: '<' };

export class TableParser extends VocabularyParser {
  // tableDecl := 'table' declName STRING? tableClause* tableHeader tableRow*
  tableDecl = this.rule('tableDecl', (): A.TableDecl => {
    const from = this.here();
    let nm: IToken | undefined;
    let title: IToken | undefined;
    const clauses: Clause[] = [];
    let header: Header | undefined;
    const rows: A.TableRow[] = [];
    try {
      this.CONSUME(T.TableKw);
      nm = this.SUBRULE(this.declName);
      this.OPTION(() => { title = this.CONSUME(T.StringLiteral, L.title); });
      this.MANY(() => { clauses.push(this.SUBRULE(this.tableClause)); });
      header = this.SUBRULE(this.tableHeader);
      this.MANY2(() => { rows.push(this.SUBRULE(this.tableRow)); });
    } catch (e) {
      const inner = this.inner<Header & A.TableRow & Clause>(e);
      if (inner && 'kind' in inner && inner.kind === 'TableRow') rows.push(inner);
      for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.kind !== 'TableRow') rows.splice(i, 1);
      else if (inner && 'columns' in inner) header = inner;
      else if (inner && !header) clauses.push(inner);
      throw this.unfinished(e, this.tableOf(from, nm, title, clauses, header, rows));
    }
    return this.tableOf(from, nm, title, clauses, header, rows);
  });

  private tableOf(from: number, nm: IToken | undefined, title: IToken | undefined, clauses: Clause[], header: Header | undefined, rows: A.TableRow[]): A.TableDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const t: A.TableDecl = { kind: 'TableDecl', range, name: nm ? name(nm) : { kind: 'Name', text: '', range }, keys: header?.keys ?? [], columns: header?.columns ?? [], rows, repeated: [] };
    if (valid(title)) t.title = stringName(title);
    for (const c of clauses) {
      // A clause given twice is kept for the checker to report, by its keyword. (Recovery may leave none.)
      if (!c) continue;
      if (c.forEach) {
        if (t.forEach && valid(c.kw)) t.repeated.push(name(c.kw));
        else t.forEach = c.forEach;
      } else if (c.choose) {
        if (t.choose && valid(c.kw)) t.repeated.push(name(c.kw));
        else t.choose = c.choose;
      }
    }
    return t;
  }

  // tableClause := "for" "each" NAME
  //              | "choose" "the" ('first' "row" "that" "matches"
  //                                | "row" ("with" "the" ('most' | 'least') NAME+ | "of" "the" 'first' NAME+ "listed"))
  tableClause = this.rule('tableClause', (): Clause => {
    const from = this.here();
    const c: Clause = {};
    this.OR([
      {
        GATE: () => this.nextIs('for'),
        ALT: () => {
          c.kw = this.softKeyword('for', 1);
          this.softKeyword('each', 2);
          const r = this.CONSUME(T.Identifier, L.record);
          if (valid(r)) c.forEach = name(r);
        },
      },
      {
        GATE: () => this.nextIs('choose'),
        ALT: () => {
          c.kw = this.softKeyword('choose', 3);
          this.softKeyword('the', 4);
          let rule: A.TableChoice['rule'] = 'first';
          const words: IToken[] = [];
          // (Numbered apart from the soft keywords' identifiers: each CONSUME of a rule has its own index.)
          const most = (): void => { words.push(this.consume(20, T.Identifier, L.word)); };
          const listed = (): void => { words.push(this.consume(21, T.Identifier, L.word)); };
          this.OR2([
            { ALT: () => { this.CONSUME(T.FirstKw); this.softKeyword('row', 5); this.softKeyword('that', 6); this.softKeyword('matches', 7); } },
            {
              ALT: () => {
                this.softKeyword('row', 8);
                this.OR3([
                  {
                    GATE: () => this.nextIs('with'),
                    ALT: () => {
                      this.softKeyword('with', 9);
                      this.softKeyword('the', 10);
                      rule = this.OR4([{ ALT: () => { this.CONSUME(T.MostKw); return 'most' as const; } }, { ALT: () => { this.CONSUME(T.LeastKw); return 'least' as const; } }]);
                      this.AT_LEAST_ONE({ GATE: () => !(this.nextIs('for') && this.nextIs('each', 2)), DEF: most });
                    },
                  },
                  {
                    ALT: () => {
                      this.softKeyword('of', 11);
                      this.softKeyword('the', 12);
                      this.CONSUME2(T.FirstKw);
                      rule = 'listed';
                      this.AT_LEAST_ONE2({ GATE: () => !this.nextIs('listed'), DEF: listed });
                      this.softKeyword('listed', 13);
                    },
                  },
                ]);
              },
            },
          ]);
          if (!this.RECORDING_PHASE) {
            const choice: A.TableChoice = { kind: 'TableChoice', rule, range: this.rangeFrom(from) ?? noRange() };
            const w = joinedName(words, ' ');
            if (w) choice.words = w;
            c.choose = choice;
          }
        },
      },
    ]);
    return c;
  });

  // tableHeader := '|' tableWords ('|' tableWords)* '||' tableColumn ('|' tableColumn)* '|'
  tableHeader = this.rule('tableHeader', (): Header => {
    const h: Header = { keys: [], columns: [] };
    try {
      this.CONSUME(T.Pipe);
      h.keys.push(this.SUBRULE(this.tableWords, L.word));
      this.MANY(() => { this.CONSUME2(T.Pipe); h.keys.push(this.SUBRULE2(this.tableWords, L.word)); });
      this.CONSUME(T.DoublePipe);
      h.columns.push(this.SUBRULE(this.tableColumn));
      this.MANY2(() => { this.CONSUME3(T.Pipe); h.columns.push(this.SUBRULE2(this.tableColumn)); });
      this.CONSUME4(T.Pipe);
    } catch (e) {
      throw this.unfinished(e, this.RECORDING_PHASE ? h : { keys: h.keys.filter((k) => k?.kind === 'Name'), columns: h.columns.filter((c) => c?.kind === 'TableColumn') });
    }
    return h;
  });

  // tableColumn := tableWords ('to' tableWords)?      (a column of ranges: the words of its low end, then its own)
  tableColumn = this.rule('tableColumn', (): A.TableColumn => {
    const from = this.here();
    const first = this.SUBRULE(this.tableWords, L.word);
    let second: A.Name | undefined;
    this.OPTION(() => { this.CONSUME(T.ToKw); second = this.SUBRULE2(this.tableWords, L.word); });
    if (this.RECORDING_PHASE) return undefined as never;
    const c: A.TableColumn = { kind: 'TableColumn', words: second ?? first, range: this.rangeFrom(from) ?? noRange() };
    if (second) c.low = first;
    return c;
  });

  // tableWords := NAME+      (the words of a key's fact or of a column)
  tableWords = this.rule('tableWords', (): A.Name => {
    const from = this.here();
    const ws: IToken[] = [];
    this.AT_LEAST_ONE(() => { ws.push(this.CONSUME(T.Identifier, L.word)); });
    if (this.RECORDING_PHASE) return undefined as never;
    return joinedName(ws, ' ') ?? { kind: 'Name', text: '', range: this.rangeFrom(from) ?? noRange() };
  });

  // tableRow := '|' tableCell ('|' tableCell)* '||' tableCell ('|' tableCell)* '|'
  tableRow = this.rule('tableRow', (): A.TableRow => {
    const from = this.here();
    const r: Row = { keys: [], cells: [] };
    let columns = false;
    try {
      this.CONSUME(T.Pipe);
      r.keys.push(this.SUBRULE(this.tableCell));
      this.MANY(() => { this.CONSUME2(T.Pipe); r.keys.push(this.SUBRULE2(this.tableCell)); });
      this.CONSUME(T.DoublePipe);
      columns = true;
      r.cells.push(this.SUBRULE3(this.tableCell));
      this.MANY2(() => { this.CONSUME3(T.Pipe); r.cells.push(this.SUBRULE4(this.tableCell)); });
      this.CONSUME4(T.Pipe);
    } catch (e) {
      const inner = this.inner<A.TableCell>(e);
      if (inner) (columns ? r.cells : r.keys).push(inner);
      throw this.unfinished(e, this.rowOf(from, r));
    }
    return this.rowOf(from, r);
  });

  private rowOf(from: number, r: Row): A.TableRow {
    if (this.RECORDING_PHASE) return undefined as never;
    return { kind: 'TableRow', keys: r.keys.filter((c) => c?.kind === 'TableCell'), cells: r.cells.filter((c) => c?.kind === 'TableCell'), range: this.rangeFrom(from) ?? noRange() };
  }

  // tableCell := '-' | ('at' ('most' | 'least') | ('more' | 'less' | 'fewer') 'than') cellNumber | cellValue ('or' cellValue)*
  tableCell = this.rule('tableCell', (): A.TableCell => {
    const from = this.here();
    let form: A.TableCell['form'] = 'values';
    let op: A.TableCell['op'];
    const values: (A.Name | A.CellNumber)[] = [];
    const add = (v: A.Name | A.CellNumber | undefined): void => {
      if (v) values.push(v);
    };
    try {
      this.OR([
        { ALT: () => { this.CONSUME(T.Minus); form = 'none'; } },
        {
          ALT: () => {
            this.CONSUME(T.AtKw);
            const w = this.OR2([{ ALT: () => this.CONSUME(T.MostKw) }, { ALT: () => this.CONSUME(T.LeastKw) }]);
            form = 'compare';
            op = comparisons[w.image];
            add(this.SUBRULE(this.cellNumber));
          },
        },
        {
          ALT: () => {
            const w = this.OR3([{ ALT: () => this.CONSUME(T.MoreKw) }, { ALT: () => this.CONSUME(T.LessKw) }, { ALT: () => this.CONSUME(T.FewerKw) }]);
            this.CONSUME(T.ThanKw);
            form = 'compare';
            op = comparisons[w.image];
            add(this.SUBRULE2(this.cellNumber));
          },
        },
        {
          ALT: () => {
            add(this.SUBRULE(this.cellValue));
            this.MANY(() => { this.CONSUME(T.OrKw); add(this.SUBRULE2(this.cellValue)); });
          },
        },
      ]);
    } catch (e) {
      add(this.inner<A.Name | A.CellNumber>(e));
      throw this.unfinished(e, this.cellOf(from, form, op, values));
    }
    return this.cellOf(from, form, op, values);
  });

  private cellOf(from: number, form: A.TableCell['form'], op: A.TableCell['op'], values: (A.Name | A.CellNumber)[]): A.TableCell {
    if (this.RECORDING_PHASE) return undefined as never;
    values = values.filter((v) => v?.kind === 'Name' || v?.kind === 'CellNumber');
    const only = values.length === 1 ? values[0]! : undefined;
    // `any` written as a word (not quoted) is every value.
    const any = only?.kind === 'Name' && only.text === 'any' && this.tokens[this.here() - 1]?.image === 'any';
    const c: A.TableCell = { kind: 'TableCell', form: any ? 'any' : form, values: any ? [] : values, range: this.rangeFrom(from) ?? noRange() };
    if (op) c.op = op;
    return c;
  }

  // cellValue := NAME | STRING | UPPER | CODE ('-' CODE)? | cellNumber
  cellValue = this.rule('cellValue', (): A.Name | A.CellNumber | undefined => {
    let first: IToken | undefined;
    let last: IToken | undefined;
    let num: A.CellNumber | undefined;
    this.OR([
      { ALT: () => { first = this.CONSUME(T.Identifier, L.v); } },
      { ALT: () => { first = this.CONSUME(T.StringLiteral, L.v); } },
      { ALT: () => { first = this.CONSUME(T.UpperName, L.v); } },
      { ALT: () => { first = this.CONSUME(T.CodePattern, L.v); this.OPTION(() => { this.CONSUME(T.Minus); last = this.CONSUME2(T.CodePattern, L.v); }); } },
      { ALT: () => { num = this.SUBRULE(this.cellNumber); } },
    ]);
    if (this.RECORDING_PHASE) return undefined;
    if (num) return num;
    if (!valid(first)) return undefined;
    if (first.image.startsWith('"')) return stringName(first);
    if (valid(last)) return { kind: 'Name', text: `${first.image}-${last.image}`, range: { start: first.startOffset, end: last.endOffset! + 1 } };
    return name(first);
  });

  // cellNumber := NUMBER ('-' NUMBER)? unitPhrase?      e.g. 9-10 visits, 2.4, 3 per week
  cellNumber = this.rule('cellNumber', (): A.CellNumber => {
    const from = this.here();
    const low = this.CONSUME(T.NumberLiteral, L.low);
    let high: IToken | undefined;
    this.OPTION(() => { this.CONSUME(T.Minus); high = this.CONSUME2(T.NumberLiteral, L.high); });
    const u = this.OPTION2(this.unitPhraseOption);
    if (this.RECORDING_PHASE) return undefined as never;
    const lo = valid(low) ? Number(low.image) : NaN;
    const n: A.CellNumber = { kind: 'CellNumber', low: lo, high: valid(high) ? Number(high.image) : lo, range: this.rangeFrom(from) ?? noRange() };
    if (valid(low)) n.text = valid(high) ? `${low.image}-${high.image}` : low.image;
    if (u && (valid(u.what) || valid(u.per))) {
      const unit = unitFromWords(valid(u.what) ? u.what.image : undefined, valid(u.per) ? u.per.image : undefined, this.units);
      if (unit) n.unit = unit;
      else {
        const at = valid(u.per) ? u.per : u.what!;
        this.reports.push({ code: 'P204', range: tokenRange(at), data: { text: [u.what, u.perWord, u.per].filter(valid).map((t) => t.image).join(' ') } });
      }
    }
    return n;
  });
}
