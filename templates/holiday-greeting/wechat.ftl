${customer.salutation}，${facts.holiday_date}就是${facts.holiday}了。
${shop.name}祝您和家人${facts.greeting}！谢谢您一直以来的支持与陪伴。
