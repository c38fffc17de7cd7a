import { gmtSegments, type Segment } from './gmt';

export type Line = [number, number][];

type Edge = { a: number; b: number; coords: Line; w: number; level: number };

/** Joins river segments into a graph: nodes are endpoints snapped within `snap` degrees. */
export function riverGraph(segs: Segment[], snap = 0.003) {
  const nodes: [number, number][] = [];
  const nodeOf = (p: [number, number]): number => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (Math.abs(n[0] - p[0]) <= snap && Math.abs(n[1] - p[1]) <= snap) return i;
    }
    nodes.push(p);
    return nodes.length - 1;
  };
  const edges: Edge[] = [];
  for (const s of segs) {
    const c = s.coords;
    let len = 0;
    for (let i = 0; i + 1 < c.length; i++) len += Math.hypot(c[i + 1]![0] - c[i]![0], c[i + 1]![1] - c[i]![1]);
    if (len === 0) continue; // GSHHG bin-edge artefacts: two identical points
    const a = nodeOf(c[0]!);
    const b = nodeOf(c[c.length - 1]!);
    // Prefer the main channels: weight grows with the WDBII level (1 = major river).
    edges.push({ a, b, coords: c, w: len * (s.level ?? 5), level: s.level ?? 0 });
  }
  return { nodes, edges };
}

function nearestNode(nodes: [number, number][], p: [number, number]): number {
  let best = -1;
  let bd = Infinity;
  for (const [i, n] of nodes.entries()) {
    const d = Math.hypot(n[0] - p[0], n[1] - p[1]);
    if (d < bd) {
      bd = d;
      best = i;
    }
  }
  if (bd > 0.05) throw new Error(`rivers: no river segment end within 0.05° of [${p.join(', ')}]`);
  return best;
}

/**
 * The chain of segments along the least-weight path between the segment ends nearest `from`
 * and `to`, as one line (segments reversed where needed, joints de-duplicated).
 */
export function riverPath(segs: Segment[], from: [number, number], to: [number, number]): Line {
  const { nodes, edges } = riverGraph(segs);
  const s = nearestNode(nodes, from);
  const t = nearestNode(nodes, to);
  const dist = new Array<number>(nodes.length).fill(Infinity);
  const prev = new Array<number>(nodes.length).fill(-1);
  const done = new Array<boolean>(nodes.length).fill(false);
  dist[s] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < nodes.length; i++) if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0 || u === t) break;
    done[u] = true;
    for (const [ei, e] of edges.entries()) {
      const vtx = e.a === u ? e.b : e.b === u ? e.a : -1;
      if (vtx < 0) continue;
      const nd = dist[u]! + e.w;
      if (nd < dist[vtx]!) {
        dist[vtx] = nd;
        prev[vtx] = ei;
      }
    }
  }
  if (dist[t] === Infinity) throw new Error(`rivers: no river path from [${from.join(', ')}] to [${to.join(', ')}]`);
  const chain: Line[] = [];
  let cur = t;
  while (cur !== s) {
    const e = edges[prev[cur]!]!;
    const forward = e.b === cur;
    chain.push(forward ? e.coords : [...e.coords].reverse());
    cur = forward ? e.a : e.b;
  }
  chain.reverse();
  const line: Line = [];
  for (const c of chain) {
    for (const p of c) {
      const q = line[line.length - 1];
      if (q && Math.abs(q[0] - p[0]) < 1e-9 && Math.abs(q[1] - p[1]) < 1e-9) continue;
      line.push(p);
    }
  }
  return line;
}

export type RiverSpec = {
  id: string;
  name: string;
  name_en: string;
  region: 'shanxi' | 'hengyang';
  from: [number, number];
  to: [number, number];
  /** Why the located line is this river; checked against the county polygons by the build. */
  proof: string;
  /** Counties (codes) the line must pass through. */
  through: string[];
};

export const REGIONS = {
  shanxi: { R: '110/113/34.5/37', bbox: [110, 34.5, 113, 37] as [number, number, number, number] },
  hengyang: { R: '111.5/113.5/26/27.5', bbox: [111.5, 26, 113.5, 27.5] as [number, number, number, number] },
};

/**
 * The named rivers. Each is the least-weight path through GSHHG/WDBII river segments between
 * two segment ends; the build then checks that the path runs where only that river runs.
 */
export const RIVERS: RiverSpec[] = [
  {
    id: 'huang-he',
    name: '黄河',
    name_en: 'Yellow River',
    region: 'shanxi',
    from: [110.37, 37.0],
    to: [113.0, 34.83],
    proof:
      'Runs along the western edge of Yonghe, Daning, Ji, Xiangning, Hejin, Wanrong, Linyi and Yongji (the Shanxi–Shaanxi border), turns east at Fenglingdu and follows the southern edge of Ruicheng, Pinglu, Xia County and Yuanqu (the Shanxi–Henan border).',
    through: ['141032', '141028', '141029', '140882', '140881', '140830', '140829', '140827'],
  },
  {
    id: 'fen-he',
    name: '汾河',
    name_en: 'Fen River',
    region: 'shanxi',
    from: [111.824, 37.0],
    to: [110.553, 35.456],
    proof:
      'Enters Linfen at Huozhou and runs south down the Fen valley through Hongtong, Yaodu and Xiangfen, turns west through Xinjiang, Jishan and Hejin, and ends at the Yellow River on the Wanrong border.',
    through: ['141082', '141024', '141002', '141023', '140825', '140824', '140882'],
  },
  {
    id: 'qin-he',
    name: '沁河',
    name_en: 'Qin River',
    region: 'shanxi',
    from: [112.066, 36.746],
    to: [113.0, 35.076],
    proof: 'Runs south through Anze, the Taiyue sector county east of the Fen valley, towards Jincheng and Henan.',
    through: ['141026'],
  },
  {
    id: 'xiang-jiang',
    name: '湘江',
    name_en: 'Xiang River',
    region: 'hengyang',
    from: [111.111, 26.0],
    to: [112.95, 28.0],
    proof:
      'The major river of the Hengyang basin: runs north-east through Qidong, Changning and Hengnan, through the city districts, and on through Hengshan and Hengdong towards Zhuzhou.',
    through: ['430426', '430482', '430422', '430406', '430405', '430407', '430423', '430424'],
  },
  {
    id: 'lei-shui',
    name: '耒水',
    name_en: 'Lei River',
    region: 'hengyang',
    from: [113.109, 26.0],
    to: [112.63, 26.929],
    proof:
      'Runs north-west through Leiyang (named after it) and Hengnan and joins the Xiang inside the city districts.',
    through: ['430481', '430422'],
  },
];

export function regionSegments(region: 'shanxi' | 'hengyang'): Segment[] {
  return gmtSegments([`-R${REGIONS[region].R}`, '-Df', '-Ia']);
}
