/**
 * MapLibre's own interface strings (control titles, the canvas's name) in each language, passed as
 * the Map's `locale` option. Every key MapLibre 6 has is given, so no English default shows
 * through in Chinese.
 */
import type { ScaleUnits } from '../carto/scale.ts';

type Lang = 'zh' | 'en';

export const MAP_LOCALE: Record<Lang, Record<string, string>> = {
  zh: {
    'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
    'AttributionControl.MapFeedback': '地图反馈',
    'FullscreenControl.Enter': '全屏',
    'FullscreenControl.Exit': '退出全屏',
    'GeolocateControl.FindMyLocation': '查找我的位置',
    'GeolocateControl.LocationNotAvailable': '无法获取位置',
    'LogoControl.Title': 'MapLibre 标志',
    'Map.Title': '地图：板块、县、园区与河流',
    'Marker.Title': '地图标记',
    'NavigationControl.ResetBearing': '重置方向为正北',
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'Popup.Close': '关闭',
    'ScaleControl.Feet': '英尺',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '千米',
    'ScaleControl.Miles': '英里',
    'ScaleControl.NauticalMiles': '海里',
    'GlobeControl.Enable': '启用球面',
    'GlobeControl.Disable': '停用球面',
    'TerrainControl.Enable': '启用地形',
    'TerrainControl.Disable': '停用地形',
    'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动以缩放地图',
    'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动以缩放地图',
    'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
  },
  en: {
    'AttributionControl.ToggleAttribution': 'Show or hide the data sources',
    'AttributionControl.MapFeedback': 'Map feedback',
    'FullscreenControl.Enter': 'Enter fullscreen',
    'FullscreenControl.Exit': 'Exit fullscreen',
    'GeolocateControl.FindMyLocation': 'Find my location',
    'GeolocateControl.LocationNotAvailable': 'Location not available',
    'LogoControl.Title': 'MapLibre logo',
    'Map.Title': 'Map: sectors, counties, parks and rivers',
    'Marker.Title': 'Map marker',
    'NavigationControl.ResetBearing': 'Reset bearing to north',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'Popup.Close': 'Close popup',
    'ScaleControl.Feet': 'ft',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'ScaleControl.Miles': 'mi',
    'ScaleControl.NauticalMiles': 'nm',
    'GlobeControl.Enable': 'Enable globe',
    'GlobeControl.Disable': 'Disable globe',
    'TerrainControl.Enable': 'Enable terrain',
    'TerrainControl.Disable': 'Disable terrain',
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
  },
};

/** The scale bar's unit words (map/scale-bar.ts and the PNG export's), from the strings above. */
export function scaleUnits(lang: Lang): ScaleUnits {
  const words = MAP_LOCALE[lang];
  return { metres: words['ScaleControl.Meters'] ?? 'm', kilometres: words['ScaleControl.Kilometers'] ?? 'km' };
}
