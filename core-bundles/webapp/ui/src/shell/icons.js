// The icons menus may name in meta.icon (pages and plugins); only these are in the first load.
import {
  HomeFilled, Monitor, Document, Tickets, Grid, User, UserFilled, Avatar, Van, Calendar, Checked, CircleCheck,
  Setting, Tools, Box, Files, Folder, Connection, Bell, DataAnalysis, Histogram, List, Menu, Notebook, Postcard,
  Stopwatch, Timer, Umbrella, Wallet, Money, Goods, Shop, OfficeBuilding, Promotion, Reading, Link, Management,
  Operation, Camera, Search, Guide, Van as Car
} from '@element-plus/icons-vue'

export const icons = {
  HomeFilled, Monitor, Document, Tickets, Grid, User, UserFilled, Avatar, Van, Car, Calendar, Checked, CircleCheck,
  Setting, Tools, Box, Files, Folder, Connection, Bell, DataAnalysis, Histogram, List, Menu, Notebook, Postcard,
  Stopwatch, Timer, Umbrella, Wallet, Money, Goods, Shop, OfficeBuilding, Promotion, Reading, Link, Management,
  Operation, Camera, Search, Guide
}

export function iconOf(name) {
  return icons[name] || Document
}
