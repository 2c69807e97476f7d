package dev.rekindle.demo;

/** The demo shop's product categories: typical basket value and how long one purchase lasts. */
enum DemoCatalog {
    SKINCARE("美妆护肤", 168, 90, new String[]{"玻尿酸补水精华", "氨基酸洁面乳", "烟酰胺美白面膜", "防晒霜SPF50"}),
    BABY("母婴用品", 129, 30, new String[]{"婴儿纸尿裤L码", "儿童益生菌", "宝宝湿巾80抽", "婴儿洗护套装"}),
    SNACKS("食品零食", 59, 30, new String[]{"每日坚果礼盒", "手工牛轧糖", "云南小粒咖啡", "冻干草莓"}),
    FASHION("服饰鞋包", 239, 365, new String[]{"真丝衬衫", "羊绒围巾", "帆布托特包", "小白鞋"}),
    HOME("家居日用", 89, 180, new String[]{"乳胶枕", "四件套纯棉", "收纳箱三件套", "香薰蜡烛"}),
    CLEANING("个护清洁", 49, 60, new String[]{"洗衣凝珠", "氨基酸洗发水", "电动牙刷刷头", "抽纸24包"}),
    DIGITAL("数码配件", 199, 720, new String[]{"无线充电器", "蓝牙耳机", "数据线三合一", "手机支架"});

    final String title;
    final double typicalAmount;
    final int lifespanDays;
    final String[] products;

    DemoCatalog(String title, double typicalAmount, int lifespanDays, String[] products) {
        this.title = title;
        this.typicalAmount = typicalAmount;
        this.lifespanDays = lifespanDays;
        this.products = products;
    }
}
