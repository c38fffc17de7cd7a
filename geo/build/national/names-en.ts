import { stemPinyin } from '../names.ts';

/**
 * English names for every county-level unit, extending ../names.ts (which covers 区/县/市 in the
 * plan cities) to autonomous counties and banners, banners, forestry and special districts.
 * Stems still go through ../names.ts's stemPinyin (pinyin-pro plus its overrides); the table
 * below adds official readings of polyphones pinyin-pro gets wrong outside the plan cities.
 */
export const NATIONAL_PINYIN_OVERRIDES: Record<string, string> = {
  乐亭: 'Laoting',
  乐清: 'Yueqing',
  蔚: 'Yu',
  莘: 'Shen',
  单: 'Shan',
  歙: 'She',
  铅山: 'Yanshan',
  涡阳: 'Guoyang',
  浚: 'Xun',
  犍为: 'Qianwei',
  筠连: 'Junlian',
  长子: 'Zhangzi',
  大埔: 'Dabu',
  六合: 'Luhe',
  番禺: 'Panyu',
  蚌山: 'Bengshan',
  都安: "Du'an",
  三都: 'Sandu',
  长白: 'Changbai',
  繁峙: 'Fanshi',
  喀什: 'Kashi',
  什邡: 'Shifang',
  洪洞: 'Hongtong',
  尧都: 'Yaodu',
};

/** Ethnic groups as they appear in autonomous units' names (with or without 族), and their English. */
const ETHNIC: [string, string][] = [
  ['蒙古', 'Mongol'],
  ['回', 'Hui'],
  ['藏', 'Tibetan'],
  ['维吾尔', 'Uyghur'],
  ['苗', 'Miao'],
  ['彝', 'Yi'],
  ['壮', 'Zhuang'],
  ['布依', 'Bouyei'],
  ['朝鲜', 'Korean'],
  ['满', 'Manchu'],
  ['侗', 'Dong'],
  ['瑶', 'Yao'],
  ['白', 'Bai'],
  ['土家', 'Tujia'],
  ['哈尼', 'Hani'],
  ['哈萨克', 'Kazakh'],
  ['傣', 'Dai'],
  ['黎', 'Li'],
  ['傈僳', 'Lisu'],
  ['佤', 'Va'],
  ['畲', 'She'],
  ['拉祜', 'Lahu'],
  ['水', 'Sui'],
  ['东乡', 'Dongxiang'],
  ['纳西', 'Naxi'],
  ['景颇', 'Jingpo'],
  ['柯尔克孜', 'Kyrgyz'],
  ['土', 'Tu'],
  ['达斡尔', 'Daur'],
  ['仫佬', 'Mulao'],
  ['羌', 'Qiang'],
  ['撒拉', 'Salar'],
  ['毛南', 'Maonan'],
  ['仡佬', 'Gelao'],
  ['锡伯', 'Xibe'],
  ['普米', 'Pumi'],
  ['塔吉克', 'Tajik'],
  ['怒', 'Nu'],
  ['鄂温克', 'Evenki'],
  ['保安', 'Bonan'],
  ['裕固', 'Yugur'],
  ['独龙', 'Derung'],
  ['鄂伦春', 'Oroqen'],
  ['布朗', 'Blang'],
  ['各', 'Various Ethnic Groups'],
];

/** Ethnic names that follow a place name without 族 (博尔塔拉蒙古自治州, 察布查尔锡伯自治县). */
const BARE_OK = new Set(['蒙古', '哈萨克', '柯尔克孜', '锡伯']);

const UNIT_SUFFIX: [string, string][] = [
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['自治州', 'Autonomous Prefecture'],
  ['行政委员会', 'Administrative Committee'],
  ['特区', 'Special District'],
  ['地区', 'Prefecture'],
  ['区', 'District'],
  ['县', 'County'],
  ['市', 'City'],
  ['旗', 'Banner'],
  ['盟', 'League'],
];

/** Whole names whose English is not stem + suffix (林区 and 新区 are usually just part of a name). */
const WHOLE_NAME_EN: Record<string, string> = {
  神农架林区: 'Shennongjia Forestry District',
  浦东新区: 'Pudong New Area',
  滨海新区: 'Binhai New Area',
};

function stem(s: string): string {
  const o = NATIONAL_PINYIN_OVERRIDES[s];
  if (o) return o;
  // 都 in a place name is dū (成都, 郫都, 乐都), while pinyin-pro often says dōu: read it as its
  // homophone 督. pinyin-pro occasionally returns an entry with a space (长白 → "chang bai").
  const p = stemPinyin(s.replace(/都/g, '督')).replace(/ /g, '').toLowerCase();
  return p.charAt(0).toUpperCase() + p.slice(1);
}

/** Splits trailing ethnic names off an autonomous unit's stem: 孟村回族 → [孟村, [Hui]]. */
function splitEthnic(s: string): [string, string[]] {
  const groups: string[] = [];
  for (;;) {
    let hit = false;
    for (const [zh, en] of ETHNIC) {
      for (const form of [`${zh}族`, zh]) {
        // A bare name (without 族) only where it is the whole remainder (鄂伦春自治旗): never eat
        // a place name's last character (融水苗族自治县 is Rongshui, not Rong + Sui).
        if (s.endsWith(form) && (form.endsWith('族') || s === form || BARE_OK.has(form))) {
          s = s.slice(0, -form.length);
          groups.unshift(en);
          hit = true;
          break;
        }
      }
      if (hit) break;
    }
    if (!hit || s === '') return [s, groups];
  }
}

/** 孟村回族自治县 → Mengcun Hui Autonomous County; 鄂伦春自治旗 → Oroqen Autonomous Banner. */
export function unitNameEn(name: string): string {
  const whole = WHOLE_NAME_EN[name];
  if (whole) return whole;
  for (const [zh, en] of UNIT_SUFFIX) {
    if (!name.endsWith(zh) || name.length === zh.length) continue;
    let s = name.slice(0, -zh.length);
    let groups: string[] = [];
    if (zh.startsWith('自治')) [s, groups] = splitEthnic(s);
    return [s ? stem(s) : '', ...groups, en].filter(Boolean).join(' ');
  }
  return stem(name);
}

/** A city's own name without its kind where it is a 市 (临汾市 → Linfen), else with it. */
export function cityUnitNameEn(name: string): string {
  return name.endsWith('市') ? stem(name.slice(0, -1)) : unitNameEn(name);
}

/** Provinces: their conventional English names (pinyin would give Shanxi for 陕西). */
export const PROVINCE_EN: Record<string, string> = {
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  '540000': 'Tibet',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
};
