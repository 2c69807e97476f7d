package dev.rekindle.place;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Member cities and addresses spelled in the ways real exports spell them read as one place. */
class PlacesTests {

    @ParameterizedTest
    @CsvSource(nullValues = "-", textBlock = """
            上海市,              上海, 上海
            上海,                上海, 上海
            深圳,                广东, 深圳
            深圳市,              广东, 深圳
            广东深圳,            广东, 深圳
            广东省深圳市,        广东, 深圳
            吉林,                吉林, 吉林
            海南,                海南, -
            延边,                吉林, 延边朝鲜族自治州
            香港特别行政区,      香港, 香港
            仙桃市,              湖北, 仙桃
            昆山市,              -,    昆山
            江苏昆山,            江苏, 昆山
            内蒙古自治区呼和浩特市, 内蒙古, 呼和浩特
            """)
    void memberCitiesShouldReadAsOnePlace(String given, String province, String city) {
        assertEquals(new Place(province, city), Places.ofCity(given));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", textBlock = """
            浙江省 杭州市 西湖区 文三路 100号, 浙江, 杭州
            上海 上海市 浦东新区 世纪大道 1号,  上海, 上海
            北京市朝阳区建国路,                北京, 北京
            广东省深圳市南山区科技园,          广东, 深圳
            广西壮族自治区 南宁市 青秀区,      广西, 南宁
            青海省 海南藏族自治州 共和县,      青海, 海南藏族自治州
            重庆 重庆市 城口县,                重庆, 重庆
            朝阳区 建国路 1号,                 -,    -
            文三路 100号,                      -,    -
            """)
    void addressesShouldGiveProvinceAndCity(String address, String province, String city) {
        assertEquals(new Place(province, city), Places.ofAddress(address));
    }
}
