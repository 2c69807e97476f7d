【${shop.signature}】${customer.salutation}，${facts.holiday}将至，${shop.name}祝您${facts.greeting}！感谢一路相伴。
